import type base from '../zh-CN/errors-imports'

export default {
  unknownImport: '這次匯入已不在記憶體中（程式重新啟動過，或開啟了更多檔案），請重新選擇檔案',
  unreadable: '無法讀取這個檔案：請選擇 Excel（.xlsx）或 CSV 檔案。舊版 .xls 請先在 Excel 中另存為 .xlsx',
  oldXls: '這是舊版 Excel（.xls）檔案：請在 Excel 或 WPS 中「另存新檔」為 .xlsx 格式後再匯入',
  empty: '檔案是空的',
  noHeader: '找不到表頭：前 30 列中沒有一列含有「姓名」「身分證號」等欄名',
  busy: '這個檔案正在匯入，請等它結束',
  alreadyDone: '這個檔案已經匯入過了；如需再次匯入，請重新選擇檔案',
  notChecked: '請先檢查資料',
} satisfies typeof base
