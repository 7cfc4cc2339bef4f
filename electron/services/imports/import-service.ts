/** Excel/CSV import of resident rosters (issue 4). Placeholder until its owner fills it. */
import type { ModuleDeps } from '../module-deps'

export function createImportService(_deps: ModuleDeps) {
  return {}
}

export type ImportService = ReturnType<typeof createImportService>
