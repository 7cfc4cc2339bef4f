import type base from '../zh-CN/visit-admin'

export default {} satisfies typeof base
