import type { DomainHandlers } from '../types'

export const printHandlers: DomainHandlers<'print'> = {
  'print:printers': (_, { services }) => services.printing.printers(),
  'print:preview': (input, { services, call }) => services.printing.preview(call, input),
  'print:print': (input, { services, call }) => services.printing.print(call, input),
  'print:save-pdf': (input, { services, call }) => services.printing.savePdf(call, input),
  'print:log': (input, { services }) => services.printing.log(input),
}
