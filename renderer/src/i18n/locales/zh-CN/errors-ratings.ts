// errors.ratings.*: messages the main process sends for 季评诚信
export default {
  staleEdit: '您编辑期间，这条记录已被修改（可能在另一台电脑上）。请关闭后重新打开再改。',
  alreadyRated: '{quarter} 已经评过分。要修改请在列表中点“重新评分”。',
  lastCriterion: '至少要保留一个检查项目',
  nothingRated: '{quarter} 还没有评定任何商户，没有可打印的结果',
  noCertificate: 'C级商户不发证书',
}
