import type base from '../zh-CN/visit-print'

export default {} satisfies typeof base
