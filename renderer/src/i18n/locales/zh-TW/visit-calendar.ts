import type base from '../zh-CN/visit-calendar'

export default {
  display: { calendar: '日曆', list: '列表' },
  filters: {
    grid: '網格',
    allGrids: '全部網格',
    volunteer: '志願者',
    allVolunteers: '全部志願者',
    status: '狀態',
    allStatuses: '全部狀態',
    shown: '顯示 {shown} / {total} 次',
  },
  legend: { title: '圖例', status: '顏色＝狀態', tier: '左邊條＝等級' },
  tier: { high: '高風險', key: '重點', general: '一般' },
  dragHint: '拖動走訪可改期；也可點開後用「調整」輸入新時間',
  saved: '已改期：{name} {when}',
  conflictTitle: '改期與規則衝突',
  conflictWhat: '{name} 改到 {when}',
  revert: '撤銷',
  today: '今天',
  more: '另外 {n} 次',
  card: {
    title: '走訪',
    when: '時間',
    tier: '等級',
    status: '狀態',
    volunteers: '志願者',
    urgent: '緊急',
  },
  unassignedEmpty: '全部走訪都已安排',
} satisfies typeof base
