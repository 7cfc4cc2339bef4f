/**
 * Before and after of one audit entry, field by field, for the side-by-side view. Entries hold
 * plain JSON (objects, or a scalar for a few actions); numbers in them are already masked by main.
 */

export interface DiffRow {
  field: string
  before: string
  after: string
  changed: boolean
}

function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** One row per field of either side, in the order they first appear; a scalar side is field `''`. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return []
  const b = isRecord(before) ? before : before == null ? {} : { '': before }
  const a = isRecord(after) ? after : after == null ? {} : { '': after }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  // Only a change has two sides: a created record's fields are not "changed".
  const both = before != null && after != null
  return fields.map((field) => {
    const bt = text(b[field])
    const at = text(a[field])
    return { field, before: bt, after: at, changed: both && bt !== at }
  })
}

/** A one-line summary for the table: the changed fields, or the record's name. */
export function auditSummary(before: unknown, after: unknown, label: (field: string) => string): string {
  const rows = auditDiff(before, after)
  const changed = rows.filter((r) => r.changed)
  if (changed.length) return changed.map((r) => label(r.field)).join('、')
  const source = isRecord(after) ? after : isRecord(before) ? before : null
  const name = source && (source.name ?? source.displayName ?? source.title ?? source.username)
  return typeof name === 'string' ? name : ''
}
