import type base from '../zh-CN/errors-admin-backups'

export default {
  folder: '無法寫入所選資料夾（{path}）：請檢查隨身碟是否插好、是否防寫，或換一個資料夾。現有資料未受影響。',
  full: '所選位置空間不足（{path}），備份沒有完成，也沒有留下不完整的檔案。請換一個有空間的隨身碟或資料夾。',
  other: '備份沒有完成（{path}），現有資料未受影響。請重試；如反覆出現，請聯絡管理員。',
  notSqlite: '本機使用伺服器資料庫，備份和還原請在伺服器上進行。',
  noDialog: '此環境無法開啟選擇資料夾的視窗。',
  checkAgain: '請重新選擇並檢查備份檔案。',
  stageFailed: '無法在資料資料夾（{path}）中準備還原，現有資料未受影響。請檢查磁碟空間。',
  refused: {
    notFound: '找不到備份檔案「{file}」。',
    notDatabase: '「{file}」不是本程式的資料檔，不能用來還原。現有資料未受影響。',
    corrupt: '「{file}」已損壞或不完整（可能複製時中斷），不能用來還原。現有資料未受影響。',
    foreign: '「{file}」是其他程式的資料庫，不是本程式的備份。現有資料未受影響。',
    tooNew: '「{file}」來自更新版本的程式，請先升級本程式再還原。現有資料未受影響。',
    unreadable: '無法讀取「{file}」。現有資料未受影響。',
  },
} satisfies typeof base
