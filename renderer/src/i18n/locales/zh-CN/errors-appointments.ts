// errors.appointments.*: messages the main process sends for 送医送法上门
export default {
  past: '不能为已经过去的时间安排或预约',
  pastMidnight: '时段不能跨过午夜，请减少段数或每段分钟',
  overlap: '与该人员已有的时段 {time} 重叠',
  slotHasBooking: '这个时段有过预约记录，不能删除',
  archivedResident: '该居民档案已归档，不能预约',
  noAddress: '{name} 的档案里没有住址，不能安排上门；请选“到站”或先补充住址',
  taken: '这个时段刚被预约了，请换一个时段',
  residentBusy: '{name} 在 {time} 已有预约，同一时间不能再约',
  notBooked: '这条预约已取消，不能再操作',
  staleEdit: '您编辑期间，这条预约已被修改，请关闭后重新打开',
  notYourNote: '这段上门记录由其他角色填写，您不能修改',
}
