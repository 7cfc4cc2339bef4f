import type base from '../zh-CN/exports'

export default {} satisfies typeof base
