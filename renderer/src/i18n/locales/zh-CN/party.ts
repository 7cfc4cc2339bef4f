export default {
  title: '党组织与党员',
}
