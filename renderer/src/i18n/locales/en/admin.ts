import type base from '../zh-CN/admin'

export default {} satisfies typeof base
