import type base from '../zh-CN/validation-programmes'

export default {
  month: 'Use year-month, e.g. 2026-03',
  time: 'Use hours:minutes, e.g. 16:30',
  capacity: 'Places: a whole number from 1 to 10,000',
  weekdays: 'Choose at least one day',
  ageRange: 'The maximum age cannot be below the minimum',
  feeAmount: 'Enter the fee of a low-fee programme',
  timeOrder: 'The end time must be after the start',
  termOrder: 'The term cannot end before it starts',
  termTooLong: 'A term is at most about a year; set up terms one at a time',
} satisfies typeof base
