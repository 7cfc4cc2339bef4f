/**
 * What the visit module needs to know of residents: name, grid (the `grid` place above their
 * household) and hardship tags. Read in bulk, one query per table, because a plan touches
 * thousands of people at once.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'

export interface ResidentInfo {
  name: string
  gridId: number | null
  gridName: string | null
  tags: string[]
}

export async function lookupResidents(
  models: Models,
  residentIds: number[],
  transaction?: Transaction,
): Promise<Map<number, ResidentInfo>> {
  const out = new Map<number, ResidentInfo>()
  if (residentIds.length === 0) return out
  const ids = [...new Set(residentIds)]
  const residents = await models.Resident.findAll({
    where: { id: { [Op.in]: ids } },
    attributes: ['id', 'name', 'householdId'],
    transaction,
  })
  const householdIds = residents.map((r) => r.householdId).filter((x): x is number => x !== null)
  const households = householdIds.length
    ? await models.Household.findAll({
        where: { id: { [Op.in]: householdIds } },
        attributes: ['id', 'placeId'],
        transaction,
      })
    : []
  const grids = await gridsById(models, transaction)
  const places = await models.Place.findAll({
    where: { id: { [Op.in]: households.map((h) => h.placeId) } },
    attributes: ['id', 'path'],
    transaction,
  })
  const placePath = new Map(places.map((p) => [p.id, p.path]))
  const householdPlace = new Map(households.map((h) => [h.id, h.placeId]))
  const tagRows = await models.ResidentTag.findAll({ where: { residentId: { [Op.in]: ids } }, transaction })
  const tags = new Map((await models.Tag.findAll({ transaction })).map((t) => [t.id, t.name]))
  const tagsOf = new Map<number, string[]>()
  for (const t of tagRows) tagsOf.set(t.residentId, [...(tagsOf.get(t.residentId) ?? []), tags.get(t.tagId) ?? ''])
  for (const r of residents) {
    const placeId = r.householdId === null ? undefined : householdPlace.get(r.householdId)
    const gridId = placeId === undefined ? null : gridOfPath(placePath.get(placeId) ?? '', grids)
    out.set(r.id, {
      name: r.name,
      gridId,
      gridName: gridId === null ? null : (grids.get(gridId) ?? null),
      tags: tagsOf.get(r.id) ?? [],
    })
  }
  return out
}

export async function gridsById(models: Models, transaction?: Transaction): Promise<Map<number, string>> {
  const rows = await models.Place.findAll({ where: { kind: 'grid' }, attributes: ['id', 'name'], transaction })
  return new Map(rows.map((p) => [p.id, p.name]))
}

/** The grid a place lies in: the first grid on its materialised path `/1/4/9/`. */
function gridOfPath(path: string, grids: Map<number, string>): number | null {
  for (const part of path.split('/')) {
    const id = Number(part)
    if (part && grids.has(id)) return id
  }
  return null
}
