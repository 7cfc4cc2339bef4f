import type base from '../zh-CN/errors-appointments'

export default {
  past: '不能為已經過去的時間安排或預約',
  pastMidnight: '時段不能跨過午夜，請減少段數或每段分鐘',
  overlap: '與該人員已有的時段 {time} 重疊',
  slotHasBooking: '這個時段有過預約記錄，不能刪除',
  archivedResident: '該居民檔案已歸檔，不能預約',
  noAddress: '{name} 的檔案裡沒有住址，不能安排上門；請選「到站」或先補充住址',
  taken: '這個時段剛被預約了，請換一個時段',
  residentBusy: '{name} 在 {time} 已有預約，同一時間不能再約',
  notBooked: '這筆預約已取消，不能再操作',
  staleEdit: '您編輯期間，這筆預約已被修改，請關閉後重新開啟',
  notYourNote: '這段上門記錄由其他角色填寫，您不能修改',
} satisfies typeof base
