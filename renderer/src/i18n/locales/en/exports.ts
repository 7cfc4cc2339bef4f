import type base from '../zh-CN/exports'

export default {
  button: 'Export',
  title: 'Export to Excel: {list}',
  columns: 'Columns to export',
  full: 'Export full ID and mobile numbers',
  maskedNote: 'ID and mobile numbers are exported with their middle digits hidden.',
  fullWarning:
    'Full numbers are sensitive personal data: keep the file safe, delete it when done, and do not send it through chat groups.',
  audited: 'Every export is recorded in the audit log (who, when, how many records, which columns).',
  run: 'Export',
  madeAt: 'Exported: {at}   By: {by}',
  filters: 'Filters: {filters}',
  done: 'Exported {n} record | Exported {n} records',
} satisfies typeof base
