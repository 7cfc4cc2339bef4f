import type base from '../zh-CN/validation-visits'

export default {
  clock: '請填寫時間，如 09:30',
  windowOrder: '結束時間要晚於開始時間',
  zeroPoints: '調整的積分不能為 0',
} satisfies typeof base
