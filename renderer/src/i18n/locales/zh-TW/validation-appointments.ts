import type base from '../zh-CN/validation-appointments'

export default {
  time: '時間格式應為 09:00',
  minutes: '每段應在 10 到 240 分鐘之間',
  count: '一次可新增 1 到 20 段',
} satisfies typeof base
