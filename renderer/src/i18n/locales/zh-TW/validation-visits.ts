import type base from '../zh-CN/validation-visits'

export default {} satisfies typeof base
