export default {
  title: '打印',
}
