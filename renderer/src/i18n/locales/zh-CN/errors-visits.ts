// errors.visits.*: messages the main process sends for this module
export default {
  alreadyListed: '这位居民已在走访名单中',
  visitClosed: '这次走访已经登记过结果，不能再修改',
  pointsInsufficient: '积分不足：当前 {balance} 分，需要 {needed} 分',
  itemInactive: '该兑换物品已下架',
  nothingPlanned: '这一周没有安排走访，没有可打印的安排表',
  noServiceHours: '{name}在所选期间没有服务记录，不能出具志愿服务时长证明',
  certificateTooLong: '时长证明超过一页，请缩短表彰名称后再打印',
}
