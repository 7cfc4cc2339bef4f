import type base from '../zh-CN/visit-calendar'

export default {} satisfies typeof base
