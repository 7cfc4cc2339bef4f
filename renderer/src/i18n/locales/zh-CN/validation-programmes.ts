// validation.programmes.*: field messages for this module
export default {
  month: '请按 年-月 填写，如 2026-03',
  time: '请按 时:分 填写，如 16:30',
  capacity: '名额应为 1 到 10000 之间的整数',
  weekdays: '请至少选择一天',
  ageRange: '最大年龄不能小于最小年龄',
  feeAmount: '低偿项目请填写收费金额',
  timeOrder: '结束时间应晚于开始时间',
  termOrder: '结束日期不能早于开始日期',
  termTooLong: '一期最长约一年，请分期设置',
}
