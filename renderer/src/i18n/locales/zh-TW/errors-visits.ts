import type base from '../zh-CN/errors-visits'

export default {
  alreadyListed: '這位居民已在走訪名單中',
  visitClosed: '這次走訪已經登記過結果，不能再修改',
  pointsInsufficient: '積分不足：目前 {balance} 分，需要 {needed} 分',
  itemInactive: '該兌換物品已下架',
  nothingPlanned: '這一週沒有安排走訪，沒有可列印的安排表',
  noServiceHours: '{name}在所選期間沒有服務紀錄，不能出具志願服務時長證明',
  certificateTooLong: '時長證明超過一頁，請縮短表彰名稱後再列印',
} satisfies typeof base
