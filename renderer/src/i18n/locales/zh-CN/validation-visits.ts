// validation.visits.*: field messages for this module
export default {
  clock: '请填写时间，如 09:30',
  windowOrder: '结束时间要晚于开始时间',
  zeroPoints: '调整的积分不能为 0',
}
