import type base from '../zh-CN/admin'
import backups from './admin-backups'

export default {
  backups,
} satisfies typeof base
