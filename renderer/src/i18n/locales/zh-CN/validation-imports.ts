// validation.imports.*: field messages for this module
export default {
  unknownImport: '这次导入已失效，请重新选择文件',
  nameColumn: '请指定“姓名”所在的列',
  columnTwice: '同一列不能对应两个字段',
  emptyFile: '文件是空的',
  fileTooLarge: '文件太大（最多约 60 MB），请分成几个文件导入',
}
