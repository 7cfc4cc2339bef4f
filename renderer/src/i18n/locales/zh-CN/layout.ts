export default {
  menuGroups: { people: '居民与服务', party: '党建与通知', system: '系统' },
  menu: {
    party: '党组织与党员',
    meetings: '三会一课',
    compliance: '组织生活检查',
    notices: '通知公告',
    printLog: '打印记录',
    residents: '居民档案',
    places: '网格与地址',
    settings: '系统设置',
  },
  skipToContent: '跳到主要内容',
  menuLabel: '主菜单',
}
