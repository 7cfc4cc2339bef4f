// validation.admin.backups.*
export default {
  name: '请选择列表中的备份文件',
  keepRange: '请输入 1 到 365 之间的整数',
}
