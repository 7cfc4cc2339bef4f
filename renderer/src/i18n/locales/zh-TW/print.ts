import type base from '../zh-CN/print'

export default {
  title: '列印',
} satisfies typeof base
