import type base from '../zh-CN/warnings'

export default {
  mobileUnallocated: '手機號碼不在已知號段內，請與本人核對',
  legacyId: '這是 15 位舊身分證號，請盡快核對並更新為 18 位號碼',
} satisfies typeof base
