import type base from '../zh-CN/errors-admin'
import backups from './errors-admin-backups'

export default {
  backups,
  accounts: {
    lastAdmin: 'The last active administrator cannot be disabled or given another role',
    notYourself: 'Not on your own account',
    mustChangePassword: 'An administrator set a temporary password: set a new one first',
    noChangeNeeded: 'This account need not change its password: sign in',
  },
} satisfies typeof base
