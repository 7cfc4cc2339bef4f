import type base from '../zh-CN/validation-imports'

export default {
  unknownImport: '這次匯入已失效，請重新選擇檔案',
  nameColumn: '請指定「姓名」所在的欄',
  columnTwice: '同一欄不能對應兩個欄位',
  emptyFile: '檔案是空的',
  fileTooLarge: '檔案太大（最多約 60 MB），請分成幾個檔案匯入',
} satisfies typeof base
