// 导入居民名册 (/import)
export default {}
