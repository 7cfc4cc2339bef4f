/**
 * Writing checked roster rows: one transaction for the whole file, so a cancel or a failure at
 * any row leaves the database exactly as it was. Rows go in as JSON arrays unpacked by SQLite's
 * `json_each`, a thousand per statement: through models, 50,000 residents would take minutes.
 * Between chunks the writer reports progress to memory and looks at the cancel flag; it never
 * asks the database for either (the transaction holds the one connection).
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import { namePinyin, searchColumns } from '../../../database/search/resident-search'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { isHeadRelation } from '../household-heads'
import type { PlaceService } from '../place-service'
import type { RowValues } from './row-check'

export interface WriteRow {
  row: number
  values: RowValues
  /** Set: update this resident instead of creating one. */
  existingId: number | null
}

export interface WriteHooks {
  /** Called before each chunk with the rows written so far; a throw aborts (tests simulate a crash). */
  beforeChunk?: (done: number) => void | Promise<void>
}

export interface WriteState {
  done: number
  total: number
  cancelRequested: boolean
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled')
  }
}

export interface WriteSummary {
  created: number
  updated: number
}

const CHUNK = 1000

/** Sequelize's text form of a DATE on SQLite, so imported rows sort and read like the others. */
function stamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', ' +00:00')
}

export function createRosterWriter(deps: {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  places: PlaceService
  now: () => Date
}) {
  const { sequelize } = deps

  async function insertJson(table: string, columns: string[], rows: unknown[][], transaction: Transaction) {
    const select = columns.map((_, i) => `value->>${i}`).join(', ')
    for (let i = 0; i < rows.length; i += 5000) {
      await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each($1)`, {
        bind: [JSON.stringify(rows.slice(i, i + 5000))],
        transaction,
      })
    }
  }

  async function select<T extends object>(sql: string, transaction: Transaction, bind: unknown[] = []): Promise<T[]> {
    return (await sequelize.query(sql, { bind, transaction, type: QueryTypes.SELECT })) as T[]
  }

  async function nextId(table: string, transaction: Transaction): Promise<number> {
    const [row] = await select<{ m: number | null }>(`SELECT MAX(id) AS m FROM ${table}`, transaction)
    return (row?.m ?? 0) + 1
  }

  /**
   * Households for the rows: one per (grid, address), at a place of that name under the grid
   * (found, or created as a `room`); a row with a grid and no address gets its own household at
   * the grid. Returns row index → household id, and household id → its head (existing or null).
   */
  async function placeHouseholds(rows: WriteRow[], stampNow: string, transaction: Transaction) {
    const byRow = new Map<number, number>()
    const heads = new Map<number, number | null>()
    const gridIds = [...new Set(rows.map((r) => r.values.gridId).filter((g): g is number => g !== null))]
    if (gridIds.length === 0) return { byRow, heads }
    const gridPaths = new Map(
      (
        await select<{ id: number; path: string }>(
          `SELECT id, path FROM places WHERE id IN (SELECT value FROM json_each($1))`,
          transaction,
          [JSON.stringify(gridIds)],
        )
      ).map((p) => [p.id, p.path]),
    )
    const children = await select<{ id: number; parent_id: number; name: string }>(
      `SELECT id, parent_id, name FROM places WHERE archived_at IS NULL AND parent_id IN (SELECT value FROM json_each($1))`,
      transaction,
      [JSON.stringify(gridIds)],
    )
    const placeKey = (gridId: number, name: string) => `${gridId}\u0000${name}`
    const placeIds = new Map(children.map((c) => [placeKey(c.parent_id, c.name), c.id]))
    const newPlaces: unknown[][] = []
    let placeId = await nextId('places', transaction)
    for (const r of rows) {
      const { gridId, address } = r.values
      if (gridId === null || address === null || placeIds.has(placeKey(gridId, address))) continue
      const id = placeId++
      placeIds.set(placeKey(gridId, address), id)
      newPlaces.push([id, gridId, 'room', address, id, `${gridPaths.get(gridId)}${id}/`, stampNow, stampNow])
    }
    await insertJson(
      'places',
      ['id', 'parent_id', 'kind', 'name', 'sort', 'path', 'created_at', 'updated_at'],
      newPlaces,
      transaction,
    )

    const existing = await select<{ id: number; place_id: number; head_resident_id: number | null }>(
      `SELECT id, place_id, head_resident_id FROM households WHERE archived_at IS NULL
         AND place_id IN (SELECT value FROM json_each($1)) ORDER BY id`,
      transaction,
      [JSON.stringify([...placeIds.values()])],
    )
    const householdOfPlace = new Map<number, number>()
    for (const h of existing) {
      if (householdOfPlace.has(h.place_id)) continue
      householdOfPlace.set(h.place_id, h.id)
      heads.set(h.id, h.head_resident_id)
    }
    const newHouseholds: unknown[][] = []
    let householdId = await nextId('households', transaction)
    rows.forEach((r, index) => {
      const { gridId, address } = r.values
      if (gridId === null) return
      let id: number | undefined
      if (address === null) id = undefined
      else id = householdOfPlace.get(placeIds.get(placeKey(gridId, address))!)
      if (id === undefined) {
        id = householdId++
        const place = address === null ? gridId : placeIds.get(placeKey(gridId, address))!
        if (address !== null) householdOfPlace.set(place, id)
        heads.set(id, null)
        newHouseholds.push([id, place, stampNow, stampNow])
      }
      byRow.set(index, id)
    })
    await insertJson('households', ['id', 'place_id', 'created_at', 'updated_at'], newHouseholds, transaction)
    return { byRow, heads }
  }

  return {
    /**
     * Writes `rows` (new files and updates) and one audit row for the whole import. Throws
     * `ImportCancelled` when `state.cancelRequested` was set; either way nothing stays written.
     */
    async write(
      ctx: CallContext,
      rows: WriteRow[],
      audit: Record<string, unknown>,
      state: WriteState,
      hooks: WriteHooks = {},
    ): Promise<WriteSummary> {
      if (sequelize.getDialect() !== 'sqlite') throw new Error('roster import needs SQLite (json_each)')
      state.total = rows.length
      state.done = 0
      const stampNow = stamp(deps.now())
      const checkpoint = async () => {
        if (state.cancelRequested) throw new ImportCancelled()
        await hooks.beforeChunk?.(state.done)
        if (state.cancelRequested) throw new ImportCancelled()
      }
      const summary = await sequelize.transaction(async (transaction) => {
        await checkpoint()
        const { byRow, heads } = await placeHouseholds(rows, stampNow, transaction)
        let residentId = await nextId('residents', transaction)
        const idOfRow = new Map<number, number>()
        const tagRows: unknown[][] = []
        const claims: unknown[][] = []
        let created = 0
        let updated = 0
        for (let start = 0; start < rows.length; start += CHUNK) {
          await checkpoint()
          const inserts: unknown[][] = []
          for (let i = start; i < Math.min(rows.length, start + CHUNK); i++) {
            const r = rows[i]!
            const v = r.values
            const householdId = byRow.get(i) ?? null
            if (r.existingId !== null) {
              await updateResident(r.existingId, v, householdId, stampNow, transaction)
              idOfRow.set(i, r.existingId)
              updated++
            } else {
              const py = namePinyin(v.name)
              const id = residentId++
              idOfRow.set(i, id)
              inserts.push([
                id,
                v.name,
                py.full,
                py.initials,
                v.gender,
                v.idNumber,
                v.birthDate,
                v.ethnicity,
                v.mobile,
                v.landline,
                v.hukouAddress,
                householdId,
                v.relationToHead,
                v.notes,
                stampNow,
                stampNow,
              ])
              created++
            }
            const id = idOfRow.get(i)!
            for (const tagId of v.tagIds) tagRows.push([id, tagId])
            if (householdId !== null && isHeadRelation(v.relationToHead) && heads.get(householdId) === null) {
              heads.set(householdId, id)
              claims.push([householdId, id])
            }
          }
          await insertJson('residents', RESIDENT_COLUMNS, inserts, transaction)
          state.done = Math.min(rows.length, start + CHUNK)
        }
        await checkpoint()
        // INSERT OR IGNORE: an updated file keeps the tags it had and gains the roster's.
        for (let i = 0; i < tagRows.length; i += 5000) {
          await sequelize.query(
            `INSERT OR IGNORE INTO resident_tags (resident_id, tag_id) SELECT value->>0, value->>1 FROM json_each($1)`,
            { bind: [JSON.stringify(tagRows.slice(i, i + 5000))], transaction },
          )
        }
        if (claims.length) {
          await sequelize.query(
            // A join (UPDATE … FROM), not a correlated subquery: that would scan the list once per household.
            `UPDATE households SET head_resident_id = j.value->>1 FROM json_each($1) AS j WHERE households.id = j.value->>0`,
            { bind: [JSON.stringify(claims)], transaction },
          )
        }
        await reindex([...idOfRow.values()], transaction)
        // One row for the import, not one per resident: it names the files it touched, so a
        // question about one of them ("who created this?") still finds its answer.
        const firstCreated = created ? residentId - created : null
        await deps.audit.record(
          ctx,
          {
            action: 'import',
            entity: 'resident',
            after: {
              ...audit,
              created,
              updated,
              createdIds: firstCreated === null ? null : [firstCreated, residentId - 1],
              updatedIds: rows.filter((r) => r.existingId !== null).map((r) => r.existingId),
            },
          },
          transaction,
        )
        return { created, updated }
      })
      // New places were written behind the place service's back: its cached tree is stale.
      deps.places.invalidate()
      return summary
    },
  }

  async function updateResident(
    id: number,
    v: RowValues,
    householdId: number | null,
    stampNow: string,
    transaction: Transaction,
  ) {
    const py = namePinyin(v.name)
    // Only what the roster holds is overwritten: an empty cell never erases what the file had.
    await sequelize.query(
      `UPDATE residents SET name = $1, name_pinyin = $2, name_initials = $3,
         gender = COALESCE($4, gender), birth_date = COALESCE($5, birth_date), ethnicity = COALESCE($6, ethnicity),
         mobile = COALESCE($7, mobile), landline = COALESCE($8, landline), hukou_address = COALESCE($9, hukou_address),
         household_id = COALESCE($10, household_id), relation_to_head = COALESCE($11, relation_to_head),
         notes = COALESCE($12, notes), updated_at = $13
       WHERE id = $14`,
      {
        bind: [
          v.name,
          py.full,
          py.initials,
          v.gender,
          v.birthDate,
          v.ethnicity,
          v.mobile,
          v.landline,
          v.hukouAddress,
          householdId,
          v.relationToHead,
          v.notes,
          stampNow,
          id,
        ],
        transaction,
      },
    )
  }

  /** The search index rows of these residents, built by the search module's own `searchColumns`. */
  async function reindex(ids: number[], transaction: Transaction) {
    const resolve = await deps.places.addressResolver(transaction)
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = JSON.stringify(ids.slice(i, i + 5000))
      const rows = await select<{
        id: number
        name: string
        name_pinyin: string
        name_initials: string
        id_number: string | null
        mobile: string | null
        landline: string | null
        place_id: number | null
      }>(
        `SELECT r.id, r.name, r.name_pinyin, r.name_initials, r.id_number, r.mobile, r.landline, h.place_id
           FROM residents r LEFT JOIN households h ON h.id = r.household_id
          WHERE r.id IN (SELECT value FROM json_each($1))`,
        transaction,
        [chunk],
      )
      await sequelize.query(`DELETE FROM resident_search WHERE rowid IN (SELECT value FROM json_each($1))`, {
        bind: [chunk],
        transaction,
      })
      const index = rows.map((r) => {
        const c = searchColumns({
          id: r.id,
          name: r.name,
          namePinyin: r.name_pinyin,
          nameInitials: r.name_initials,
          idNumber: r.id_number,
          mobile: r.mobile,
          landline: r.landline,
          address: resolve(r.place_id),
        })
        return [r.id, c.text, c.numbers]
      })
      await insertJson('resident_search', ['rowid', 'text', 'numbers'], index, transaction)
    }
  }
}

// prettier-ignore
const RESIDENT_COLUMNS = [
  'id', 'name', 'name_pinyin', 'name_initials', 'gender', 'id_number', 'birth_date', 'ethnicity', 'mobile', 'landline',
  'hukou_address', 'household_id', 'relation_to_head', 'notes', 'created_at', 'updated_at',
]

export type RosterWriter = ReturnType<typeof createRosterWriter>
