// 导出 Excel: the dialog every list opens from its "导出" button.
export default {
  button: '导出',
  title: '导出 Excel：{list}',
  columns: '导出哪些列',
  full: '导出完整的身份证号和手机号',
  maskedNote: '身份证号、手机号将隐藏中间几位导出。',
  fullWarning: '完整号码属于个人敏感信息：文件请妥善保管，用完删除，不要通过微信群等渠道传送。',
  audited: '每次导出都会记入操作日志（导出人、时间、条数和列）。',
  run: '导出',
  madeAt: '导出时间：{at}　导出人：{by}',
  filters: '筛选条件：{filters}',
  done: '已导出 {n} 条记录',
}
