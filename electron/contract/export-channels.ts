/** Exporting lists to xlsx (issue 4); merged into the contract by channels.ts. */
import { returns, write } from './channel-def'
import { exportSchemas, type ExportFileDto } from './export-schemas'

export const exportChannels = {
  /**
   * A list with its current filters and columns as xlsx. Numbers masked unless `full` and the
   * account may unmask. A write, like `residents:reveal`: it records who took which records away.
   */
  'export:list': write(exportSchemas.exportList, 'lists.export', returns<ExportFileDto>()),
}
