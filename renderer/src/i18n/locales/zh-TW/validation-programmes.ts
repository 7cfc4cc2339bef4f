import type base from '../zh-CN/validation-programmes'

export default {} satisfies typeof base
