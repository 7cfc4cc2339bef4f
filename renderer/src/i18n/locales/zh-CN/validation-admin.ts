// validation.admin.*: field messages for this module
import backups from './validation-admin-backups'
export default {
  backups,
  password: {
    short: '密码至少 8 位',
    digitsOnly: '密码不能全是数字',
    oldWrong: '当前密码不正确',
    unchanged: '新密码不能与原密码相同',
    mismatch: '两次输入的密码不一致',
  },
  accounts: {
    unknownGrid: '所选网格不存在',
  },
  audit: {
    range: '结束日期不能早于开始日期',
  },
}
