import type base from '../zh-CN/validation-exports'

export default {
  noColumns: '請至少選擇一欄',
  unknownColumn: '無法匯出這些欄：{keys}',
} satisfies typeof base
