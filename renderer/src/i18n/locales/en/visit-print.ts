import type base from '../zh-CN/visit-print'

export default {
  overview: {
    print: 'Print overview',
    hint: 'Print the visit overview of the chosen month (for the community and the street office; nothing sensitive)',
  },
  certificate: {
    action: 'Hours certificate',
    label: 'Print a certificate of service hours for {name}',
    thisYear: 'This year ({year})',
    lastYear: 'Last year ({year})',
    all: 'All service to date',
    period: 'Which period should the certificate cover?',
    preview: 'Preview and print',
  },
} satisfies typeof base
