import type base from '../zh-CN/errors-visits'

export default {} satisfies typeof base
