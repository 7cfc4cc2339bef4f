import type { DomainHandlers } from '../types'

/** Excel/CSV import of resident rosters (issue 4). */
export const importHandlers: DomainHandlers<'import'> = {
  'import:open': (input, { services }) => services.imports.open(input),
  'import:check': (input, { services }) => services.imports.check(input),
  'import:rows': (input, { services }) => services.imports.rows(input),
  'import:run': (input, { services, call }) => services.imports.run(call, input),
  'import:progress': (input, { services }) => services.imports.progress(input.importId),
  'import:cancel': (input, { services }) => services.imports.cancel(input.importId),
  'import:report': (input, { services }) => services.imports.report(input),
  'import:template': (_input, { services }) => services.imports.template(),
}
