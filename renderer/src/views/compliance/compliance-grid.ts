/**
 * The compliance matrix laid out on twelve month columns: a monthly requirement takes one column
 * per cell, a quarterly one three, a yearly one (or none) all twelve.
 */
import type { ComplianceCellDto, ComplianceRowDto } from '@contract/party-dto'

export interface GridCell {
  cell: ComplianceCellDto | null
  span: number
}

export function gridCells(row: ComplianceRowDto): GridCell[] {
  const span = row.period === 'month' ? 1 : row.period === 'quarter' ? 3 : 12
  if (row.cells.length === 0) return [{ cell: null, span: 12 }]
  return row.cells.map((cell) => ({ cell, span }))
}

/** What a cell shows: ✓ and the count when held, ✗ when missing, and so on. */
export function cellMark(cell: ComplianceCellDto | null): string {
  if (!cell) return '—'
  switch (cell.state) {
    case 'held':
      return `✓ ${cell.held}`
    case 'missing':
      return cell.held > 0 ? `✗ ${cell.held}/${cell.required}` : '✗'
    case 'dueSoon':
      return cell.held > 0 ? `! ${cell.held}/${cell.required}` : '!'
    case 'open':
      return cell.held > 0 ? `${cell.held}/${cell.required}` : '…'
    case 'notRequired':
      return '—'
    case 'future':
      return ''
  }
}
