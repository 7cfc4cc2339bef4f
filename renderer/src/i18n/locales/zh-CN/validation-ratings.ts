// validation.ratings.*: field messages for 季评诚信
export default {
  quarter: '季度格式应为 2026-Q4',
  scoreRange: '得分应在 0 到 {max} 分之间',
  creditCode: '统一社会信用代码应为 18 位数字或大写字母',
  creditCodeTaken: '该信用代码已登记为“{name}”',
  maxScore: '满分应在 1 到 100 之间',
  thresholdOrder: 'A级线应高于B级线',
  unknownCriterion: '该检查项目已停用，请重新打开评分',
  missingScores: '还有项目没有打分：{names}',
}
