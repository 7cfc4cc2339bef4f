// validation.appointments.*: field messages for 送医送法上门
export default {
  time: '时间格式应为 09:00',
  minutes: '每段应在 10 到 240 分钟之间',
  count: '一次可添加 1 到 20 段',
}
