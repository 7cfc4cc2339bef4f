import type base from '../zh-CN/errors-admin'
import backups from './errors-admin-backups'

export default {
  backups,
} satisfies typeof base
