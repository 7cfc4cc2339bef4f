import type base from '../zh-CN/layout'

export default {
  menu: {
    residents: '居民檔案',
    places: '網格與地址',
    settings: '系統設定',
  },
  skipToContent: '跳到主要內容',
  menuLabel: '主選單',
} satisfies typeof base
