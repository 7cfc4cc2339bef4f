import type base from '../zh-CN/validation-admin'

export default {} satisfies typeof base
