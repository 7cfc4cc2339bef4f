// 服务项目 (/programmes …)
export default {}
