/** Non-blocking notes attached to a saved resident (`ResidentDto.warnings`). */
export default {
  mobileUnallocated: '手机号不在已知号段内，请与本人核对',
  legacyId: '这是 15 位旧身份证号，请尽快核对并更新为 18 位号码',
}
