/**
 * The checklist a new station starts with (100 points), drawn from the usual 诚信经营 inspection
 * items of street-level market supervision; every station edits it on the rating screen.
 */
export const DEFAULT_CRITERIA: ReadonlyArray<{ name: string; maxScore: number }> = [
  { name: '证照齐全、亮照经营', maxScore: 10 },
  { name: '明码标价、价签规范', maxScore: 15 },
  { name: '计量器具准确', maxScore: 10 },
  { name: '商品质量与食品安全', maxScore: 20 },
  { name: '门前三包、环境卫生', maxScore: 15 },
  { name: '消防安全', maxScore: 15 },
  { name: '守信经营、无有效投诉', maxScore: 15 },
]
