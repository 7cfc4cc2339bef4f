// 导出 Excel（各列表共用）
export default {}
