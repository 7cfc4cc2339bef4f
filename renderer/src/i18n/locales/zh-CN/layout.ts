export default {
  menu: {
    residents: '居民档案',
    places: '网格与地址',
    settings: '系统设置',
  },
  skipToContent: '跳到主要内容',
  menuLabel: '主菜单',
}
