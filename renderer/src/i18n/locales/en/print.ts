import type base from '../zh-CN/print'

export default {
  title: 'Print',
} satisfies typeof base
