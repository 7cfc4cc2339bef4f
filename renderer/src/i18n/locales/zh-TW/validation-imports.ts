import type base from '../zh-CN/validation-imports'

export default {} satisfies typeof base
