import type base from '../zh-CN/layout'

export default {
  menuGroups: { people: '居民與服務', party: '黨建與通知', system: '系統' },
  menu: {
    party: '黨組織與黨員',
    meetings: '三會一課',
    compliance: '組織生活檢查',
    notices: '通知公告',
    printLog: '列印記錄',
    residents: '居民檔案',
    places: '網格與地址',
    settings: '系統設定',
  },
  skipToContent: '跳到主要內容',
  menuLabel: '主選單',
} satisfies typeof base
