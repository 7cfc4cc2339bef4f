import type base from '../zh-CN/validation-appointments'

export default {
  time: 'Write the time like 09:00.',
  minutes: '10 to 240 minutes a slot.',
  count: '1 to 20 slots at a time.',
} satisfies typeof base
