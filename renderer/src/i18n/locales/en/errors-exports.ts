import type base from '../zh-CN/errors-exports'

export default {} satisfies typeof base
