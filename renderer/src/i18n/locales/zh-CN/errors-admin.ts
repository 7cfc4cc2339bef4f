// errors.admin.*: messages the main process sends for this module
import backups from './errors-admin-backups'
export default {
  backups,
  accounts: {
    lastAdmin: '不能停用或降级最后一个启用的管理员账号',
    notYourself: '不能对自己的账号执行此操作',
    mustChangePassword: '管理员已为此账号设置临时密码，请先设置新密码',
    noChangeNeeded: '此账号无需修改密码，请直接登录',
  },
}
