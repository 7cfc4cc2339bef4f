import type base from '../zh-CN/errors-programmes'

export default {} satisfies typeof base
