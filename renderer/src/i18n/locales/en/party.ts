import type base from '../zh-CN/party'

export default {
  title: 'Branches & members',
} satisfies typeof base
