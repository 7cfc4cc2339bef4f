// 志愿者与走访 (/volunteers, /visits …)
export default {}
