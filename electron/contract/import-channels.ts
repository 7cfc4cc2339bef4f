/** The roster import's channels (issue 4); merged into the contract by channels.ts. */
import { read, returns, write } from './channel-def'
import type {
  ImportCheckDto,
  ImportFileDto,
  ImportProgressDto,
  ImportResultDto,
  ImportRowPage,
  ImportSheetDto,
} from './import-dto'
import { importSchemas } from './import-schemas'

export const importChannels = {
  /** Reads an xlsx or csv file, finds its header row and guesses the column mapping. Nothing is written. */
  'import:open': read(importSchemas.open, 'residents.import', returns<ImportSheetDto>()),
  /** Checks every row against the mapping (and remembers the mapping for next time). Nothing else is written. */
  'import:check': write(importSchemas.check, 'residents.import', returns<ImportCheckDto>()),
  /** A page of the checked rows, optionally of one outcome. */
  'import:rows': read(importSchemas.rows, 'residents.import', returns<ImportRowPage>()),
  /** Writes the rows in one transaction; a cancel or a failure leaves the database as it was. */
  'import:run': write(importSchemas.run, 'residents.import', returns<ImportResultDto>()),
  /** Counts of a running import, from memory (never the database, which the import holds). */
  'import:progress': read(importSchemas.byId, 'residents.import', returns<ImportProgressDto>()),
  /** Asks a running import to stop; it rolls back at its next chunk. From memory, like progress. */
  'import:cancel': read(importSchemas.byId, 'residents.import', returns<{ cancelled: boolean }>()),
  /** The per-row outcome as xlsx, with a reason column. */
  'import:report': read(importSchemas.report, 'residents.import', returns<ImportFileDto>()),
  /** An empty roster with the usual Chinese headers. */
  'import:template': read(importSchemas.none, 'residents.import', returns<ImportFileDto>()),
}
