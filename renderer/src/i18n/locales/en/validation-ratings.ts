import type base from '../zh-CN/validation-ratings'

export default {
  quarter: 'A quarter is written like 2026-Q4.',
  scoreRange: 'Give 0 to {max} points.',
  creditCode: 'The credit code has 18 digits or capital letters.',
  creditCodeTaken: 'This credit code is already registered for "{name}".',
  maxScore: 'The maximum is 1 to 100 points.',
  thresholdOrder: 'The A threshold must be above the B threshold.',
  unknownCriterion: 'This checklist item has been retired: open the rating again.',
  missingScores: 'Items without a score: {names}',
} satisfies typeof base
