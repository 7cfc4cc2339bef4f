import type { DomainHandlers } from '../types'

/** Excel/CSV import of resident rosters (issue 4). */
export const importHandlers: DomainHandlers<'import'> = {
  'import:open': (input, { services, call }) => services.imports.open(call, input),
  'import:check': (input, { services, call }) => services.imports.check(call, input),
  'import:rows': (input, { services, call }) => services.imports.rows(call, input),
  'import:run': (input, { services, call }) => services.imports.run(call, input),
  'import:progress': (input, { services, call }) => services.imports.progress(call, input.importId),
  'import:cancel': (input, { services, call }) => services.imports.cancel(call, input.importId),
  'import:report': (input, { services, call }) => services.imports.report(call, input),
  'import:template': (_input, { services }) => services.imports.template(),
}
