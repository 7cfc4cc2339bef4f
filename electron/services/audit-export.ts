/**
 * The audit log under the screen's filter, as one xlsx sheet. The export is itself audited, before
 * the file leaves main, with the filter and the row count. Numbers inside before/after are as the
 * log holds them: masked.
 */
import type { AuditExportDto } from '../contract/admin-dto'
import type { AuditExportColumn, AuditFilter } from '../contract/admin-schemas'
import { shanghaiToday } from '../contract/rules/dates'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'
import { writeWorkbook, type CellValue } from './exports/xlsx-workbook'

/** Far beyond a station's year of activity; a cap so one click cannot exhaust memory. */
export const AUDIT_EXPORT_LIMIT = 100_000

export interface AuditExportRequest extends AuditFilter {
  title: string
  columns: Array<{ key: AuditExportColumn; header: string }>
  entityLabels: Record<string, string>
  actionLabels: Record<string, string>
}

/** To the second, on the station's clock: the log is evidence of who did what when. */
function stationTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value)
}

export async function exportAudit(
  audit: AuditService,
  ctx: CallContext,
  request: AuditExportRequest,
  now: () => Date,
): Promise<AuditExportDto> {
  const { title, columns, entityLabels, actionLabels, ...filter } = request
  const entries = await audit.all(filter, AUDIT_EXPORT_LIMIT)
  const rows = entries.map((e): Record<AuditExportColumn, CellValue> => ({
    at: stationTime(e.at),
    account: e.accountName ?? '',
    entity: entityLabels[e.entity] ?? e.entity,
    entityId: e.entityId ?? '',
    action: actionLabels[e.action] ?? e.action,
    before: json(e.before),
    after: json(e.after),
  }))
  const buffer = await writeWorkbook({
    sheetName: title,
    columns: columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.key === 'before' || c.key === 'after' ? 60 : undefined,
    })),
    rows,
  })
  await audit.record(ctx, { action: 'export', entity: 'audit', after: { filter, rows: rows.length } })
  const day = shanghaiToday(now()).replace(/-/g, '')
  return {
    fileName: `${title.replace(/[\\/:*?"<>|]/g, ' ')}-${day}.xlsx`,
    base64: buffer.toString('base64'),
    rows: rows.length,
  }
}
