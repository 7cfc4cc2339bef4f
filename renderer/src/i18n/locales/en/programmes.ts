import type base from '../zh-CN/programmes'

export default {} satisfies typeof base
