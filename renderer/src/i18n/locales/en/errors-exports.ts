import type base from '../zh-CN/errors-exports'

export default {
  fullNotAllowed: 'Your account cannot export full ID and mobile numbers. Untick "Full numbers" and export again.',
  tooMany:
    'This would export {total} records, more than the {max} allowed at once. Narrow the list with filters first.',
} satisfies typeof base
