// 账号、操作日志、备份与恢复 (/accounts, /audit, /backups)
import backups from './admin-backups'
import accounts from './admin-accounts'
export default {
  backups,
  ...accounts,
}
