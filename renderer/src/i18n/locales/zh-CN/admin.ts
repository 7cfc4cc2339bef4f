// 账号、操作日志、备份与恢复 (/accounts, /audit, /backups)
export default {}
