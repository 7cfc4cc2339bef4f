import type base from '../zh-CN/visit-print'

export default {
  overview: {
    print: '列印總覽',
    hint: '列印所選月份的走訪工作總覽（給社區和街道，不含敏感資訊）',
  },
  certificate: {
    action: '時長證明',
    label: '為{name}列印志願服務時長證明',
    thisYear: '今年（{year}年）',
    lastYear: '去年（{year}年）',
    all: '全部服務至今',
    period: '證明哪段時間的服務？',
    preview: '預覽並列印',
  },
} satisfies typeof base
