import type base from '../zh-CN/validation-admin-backups'

export default {
  name: 'Choose a backup from the list',
  keepRange: 'Enter a whole number from 1 to 365',
} satisfies typeof base
