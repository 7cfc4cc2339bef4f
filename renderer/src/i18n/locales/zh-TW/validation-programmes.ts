import type base from '../zh-CN/validation-programmes'

export default {
  month: '請按 年-月 填寫，如 2026-03',
  time: '請按 時:分 填寫，如 16:30',
  capacity: '名額應為 1 到 10000 之間的整數',
  weekdays: '請至少選擇一天',
  ageRange: '最大年齡不能小於最小年齡',
  feeAmount: '低償項目請填寫收費金額',
  timeOrder: '結束時間應晚於開始時間',
  termOrder: '結束日期不能早於開始日期',
  termTooLong: '一期最長約一年，請分期設定',
} satisfies typeof base
