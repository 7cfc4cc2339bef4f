import type base from '../zh-CN/errors-imports'

export default {} satisfies typeof base
