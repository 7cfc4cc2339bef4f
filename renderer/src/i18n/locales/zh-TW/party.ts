import type base from '../zh-CN/party'

export default {
  title: '黨組織與黨員',
} satisfies typeof base
