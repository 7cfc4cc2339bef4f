import type base from '../zh-CN/validation-visits'

export default {
  clock: 'Enter a time such as 09:30',
  windowOrder: 'The end must be after the start',
  zeroPoints: 'An adjustment cannot be 0 points',
} satisfies typeof base
