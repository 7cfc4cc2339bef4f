// errors.imports.*: messages the main process sends for this module
export default {
  unknownImport: '这次导入已不在内存中（程序重启过，或打开了更多文件），请重新选择文件',
  unreadable: '无法读取这个文件：请选择 Excel（.xlsx）或 CSV 文件。旧版 .xls 请先在 Excel 中另存为 .xlsx',
  oldXls: '这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入',
  empty: '文件是空的',
  noHeader: '找不到表头：前 30 行中没有一行含有“姓名”“身份证号”等列名',
  busy: '这个文件正在导入，请等它结束',
  alreadyDone: '这个文件已经导入过了；如需再次导入，请重新选择文件',
  notChecked: '请先检查数据',
}
