import type base from '../zh-CN/warnings'

export default {
  mobileUnallocated: 'This mobile number is outside the known number ranges; please check it with the resident',
  legacyId: 'This is an old 15-digit ID number; please update it to the 18-character number',
} satisfies typeof base
