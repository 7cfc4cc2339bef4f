import type base from '../zh-CN/validation-admin'
import backups from './validation-admin-backups'

export default {
  backups,
  password: {
    short: '密碼至少 8 位',
    digitsOnly: '密碼不能全是數字',
    oldWrong: '目前密碼不正確',
    unchanged: '新密碼不能與原密碼相同',
    mismatch: '兩次輸入的密碼不一致',
  },
  accounts: {
    unknownGrid: '所選網格不存在',
  },
  audit: {
    range: '結束日期不能早於開始日期',
  },
} satisfies typeof base
