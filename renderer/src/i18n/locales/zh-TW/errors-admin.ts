import type base from '../zh-CN/errors-admin'
import backups from './errors-admin-backups'

export default {
  backups,
  accounts: {
    lastAdmin: '不能停用或降級最後一個啟用的管理員帳號',
    notYourself: '不能對自己的帳號執行此操作',
    mustChangePassword: '管理員已為此帳號設定臨時密碼，請先設定新密碼',
    noChangeNeeded: '此帳號無需修改密碼，請直接登入',
  },
} satisfies typeof base
