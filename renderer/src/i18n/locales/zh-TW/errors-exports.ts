import type base from '../zh-CN/errors-exports'

export default {
  fullNotAllowed: '您的帳號不能匯出完整的身分證號和手機號，請取消「匯出完整號碼」後再匯出',
  tooMany: '要匯出的記錄有 {total} 筆，超過一次最多 {max} 筆：請先用篩選條件縮小範圍',
} satisfies typeof base
