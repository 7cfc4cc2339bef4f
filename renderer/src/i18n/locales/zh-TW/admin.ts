import type base from '../zh-CN/admin'
import backups from './admin-backups'
import accounts from './admin-accounts'

export default {
  backups,
  ...accounts,
} satisfies typeof base
