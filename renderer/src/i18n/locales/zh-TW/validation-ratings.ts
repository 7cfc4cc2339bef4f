import type base from '../zh-CN/validation-ratings'

export default {
  quarter: '季度格式應為 2026-Q4',
  scoreRange: '得分應在 0 到 {max} 分之間',
  creditCode: '統一社會信用代碼應為 18 位數字或大寫字母',
  creditCodeTaken: '該信用代碼已登記為「{name}」',
  maxScore: '滿分應在 1 到 100 之間',
  thresholdOrder: 'A級線應高於B級線',
  unknownCriterion: '該檢查項目已停用，請重新開啟評分',
  missingScores: '還有項目沒有評分：{names}',
} satisfies typeof base
