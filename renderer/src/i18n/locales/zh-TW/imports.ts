import type base from '../zh-CN/imports'

export default {} satisfies typeof base
