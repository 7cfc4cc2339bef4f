import type base from '../zh-CN/exports'

export default {
  button: '匯出',
  title: '匯出 Excel：{list}',
  columns: '匯出哪些欄',
  full: '匯出完整的身分證號和手機號',
  maskedNote: '身分證號、手機號將隱藏中間幾位匯出。',
  fullWarning: '完整號碼屬於個人敏感資訊：檔案請妥善保管，用完刪除，不要透過群組等管道傳送。',
  audited: '每次匯出都會記入操作日誌（匯出人、時間、筆數和欄位）。',
  run: '匯出',
  madeAt: '匯出時間：{at}　匯出人：{by}',
  filters: '篩選條件：{filters}',
  done: '已匯出 {n} 筆記錄',
} satisfies typeof base
