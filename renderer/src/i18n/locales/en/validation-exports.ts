import type base from '../zh-CN/validation-exports'

export default {
  noColumns: 'Choose at least one column.',
  unknownColumn: 'These columns cannot be exported: {keys}',
} satisfies typeof base
