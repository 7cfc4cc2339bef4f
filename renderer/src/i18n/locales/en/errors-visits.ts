import type base from '../zh-CN/errors-visits'

export default {
  alreadyListed: 'This resident is already on the visit list',
  visitClosed: 'This visit already has an outcome and can no longer be changed',
  pointsInsufficient: 'Not enough points: {balance} available, {needed} needed',
  itemInactive: 'This item is no longer offered',
  nothingPlanned: 'No visits are planned that week: there is no schedule to print',
  noServiceHours: '{name} has no service on record in the chosen period: no certificate of service hours can be issued',
  certificateTooLong: 'The certificate runs past one page: shorten the commendation titles and print again',
} satisfies typeof base
