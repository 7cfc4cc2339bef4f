import type base from '../zh-CN/errors-ratings'

export default {
  staleEdit: '您編輯期間，這筆記錄已被修改（可能在另一台電腦上）。請關閉後重新開啟再改。',
  alreadyRated: '{quarter} 已經評過分。要修改請在列表中點「重新評分」。',
  lastCriterion: '至少要保留一個檢查項目',
  nothingRated: '{quarter} 還沒有評定任何商戶，沒有可列印的結果',
  noCertificate: 'C級商戶不發證書',
} satisfies typeof base
