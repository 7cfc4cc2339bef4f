// errors.exports.*: messages the main process sends when exporting a list
export default {
  fullNotAllowed: '您的账号不能导出完整的身份证号和手机号，请取消"导出完整号码"后再导出',
  tooMany: '要导出的记录有 {total} 条，超过一次最多 {max} 条：请先用筛选条件缩小范围',
}
