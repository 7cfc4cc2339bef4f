import type base from '../zh-CN/visits'

export default {} satisfies typeof base
