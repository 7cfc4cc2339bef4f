import type base from '../zh-CN/validation-admin'
import backups from './validation-admin-backups'

export default {
  backups,
  password: {
    short: 'At least 8 characters',
    digitsOnly: 'Not only digits',
    oldWrong: 'The current password is wrong',
    unchanged: 'The new password must differ from the old one',
    mismatch: 'The passwords differ',
  },
  accounts: {
    unknownGrid: 'That grid does not exist',
  },
  audit: {
    range: 'The end date is before the start date',
  },
} satisfies typeof base
