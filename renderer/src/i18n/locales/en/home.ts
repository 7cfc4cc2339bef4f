import type base from '../zh-CN/home'

export default {} satisfies typeof base
