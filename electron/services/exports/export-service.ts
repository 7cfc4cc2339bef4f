/** Lists exported to xlsx, masked unless asked and allowed, audited (issue 4). Placeholder until its owner fills it. */
import type { ModuleDeps } from '../module-deps'

export function createExportService(_deps: ModuleDeps) {
  return {}
}

export type ExportService = ReturnType<typeof createExportService>
