import type base from '../zh-CN/errors'

export default {
  accountLocked: '密碼錯誤次數過多，帳號已鎖定，請 {minutes} 分鐘後再試',
  badCredentials: '使用者名稱或密碼不正確',
  badCredentialsRemaining: '使用者名稱或密碼不正確，還可嘗試 {remaining} 次',
  backupFailed: '備份沒有完成（{path}）：請檢查該資料夾能否寫入、磁碟空間是否已滿。現有資料未受影響。',
  conflict: '與既有記錄衝突（可能剛被其他櫃檯修改），請核對後再試',
  forbidden: '您的帳號沒有此項操作的權限',
  internal: '系統發生內部錯誤，請稍後重試；如反覆出現，請聯絡管理員',
  notFound: '找不到該{what}，可能已被他人修改',
  placeNotEmpty: '此地址下還有下級地址或在冊居民，請先遷出或歸檔後再歸檔此地址',
  sessionLocked: '系統已鎖定，請先解鎖',
  setupDone: '管理員帳號已經建立，請直接登入',
  staleEdit:
    '您編輯期間，這份檔案已被修改（可能是其他櫃檯或遷戶操作）。您填寫的內容還在表單裡：請記下後關閉，重新開啟檔案再改。',
  signedOut: '登入已失效，請重新登入',
  transport: '與後台的連線中斷，請稍後重試',
  unknownChannel: '不支援的操作',
  untrustedSender: '請求來源不受信任，已拒絕',
  validation: '填寫的內容有誤，請依提示修改',
  code: {
    VALIDATION: '填寫的內容有誤，請依提示修改',
    FORBIDDEN: '您的帳號沒有此項操作的權限',
    UNAUTHENTICATED: '登入已失效，請重新登入',
    LOCKED: '系統已鎖定，請先解鎖',
    NOT_FOUND: '找不到相關記錄，可能已被他人修改',
    CONFLICT: '與既有記錄衝突，請核對後再試',
    UNTRUSTED_SENDER: '請求來源不受信任，已拒絕',
    UNKNOWN_CHANNEL: '不支援的操作',
    INTERNAL: '系統發生內部錯誤，請稍後重試；如反覆出現，請聯絡管理員',
  },
} satisfies typeof base
