import type base from '../zh-CN/errors-admin'

export default {} satisfies typeof base
