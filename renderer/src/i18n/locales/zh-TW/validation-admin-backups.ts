import type base from '../zh-CN/validation-admin-backups'

export default {
  name: '請選擇列表中的備份檔案',
  keepRange: '請輸入 1 到 365 之間的整數',
} satisfies typeof base
