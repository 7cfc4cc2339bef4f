import type base from '../zh-CN/validation-admin'
import backups from './validation-admin-backups'

export default {
  backups,
} satisfies typeof base
