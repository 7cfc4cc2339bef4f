// validation.exports.*: field messages for exporting a list
export default {
  noColumns: '请至少选择一列',
  unknownColumn: '无法导出这些列：{keys}',
}
