import type base from '../zh-CN/validation-exports'

export default {} satisfies typeof base
