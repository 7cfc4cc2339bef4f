/** visitPrint.*: the buttons that open the visit overview and the certificate of service hours. */
export default {
  overview: {
    print: '打印总览',
    hint: '打印所选月份的走访工作总览（给社区和街道，不含敏感信息）',
  },
  certificate: {
    action: '时长证明',
    label: '为{name}打印志愿服务时长证明',
    thisYear: '今年（{year}年）',
    lastYear: '去年（{year}年）',
    all: '全部服务至今',
    period: '证明哪段时间的服务？',
    preview: '预览并打印',
  },
}
