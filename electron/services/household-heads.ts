/**
 * Who heads a household (户主), in one place: the resident form, archiving, and moving members
 * all change it. A household has at most one head; a second "户主" is refused with the name of
 * the head it has, and an archived person heads nothing.
 */
import type { Transaction } from 'sequelize'
import type { Models, ResidentModel } from '../../database/models'
import { AppError } from '../contract/errors'

const HEAD_RELATIONS: ReadonlySet<string> = new Set(['户主', '本人'])

export function isHeadRelation(relation: string | null | undefined): boolean {
  return !!relation && HEAD_RELATIONS.has(relation)
}

/** Refuses "户主" for someone joining or staying in a household that another person heads. */
export async function assertHeadFree(
  models: Models,
  input: { residentId: number | null; householdId?: number | null; relationToHead?: string | null },
  transaction: Transaction,
): Promise<void> {
  if (!input.householdId || !isHeadRelation(input.relationToHead)) return
  const h = await models.Household.findByPk(input.householdId, { transaction })
  if (!h || h.headResidentId === null || h.headResidentId === input.residentId) return
  const head = await models.Resident.findByPk(h.headResidentId, { transaction })
  if (!head || head.archivedAt) return
  throw new AppError('VALIDATION', 'errors.validation', {
    fields: [{ path: 'relationToHead', message: 'validation.household.headExists', params: { name: head.name } }],
  })
}

/** Someone entered as 户主 of a headless household becomes its head. */
export async function claimHeadship(models: Models, r: ResidentModel, transaction: Transaction): Promise<void> {
  if (!r.householdId || r.archivedAt || !isHeadRelation(r.relationToHead)) return
  const h = await models.Household.findByPk(r.householdId, { transaction })
  if (h && h.headResidentId === null) await h.update({ headResidentId: r.id }, { transaction })
}

/** A head who leaves (another household, or archived) leaves the household headless. */
export async function releaseHeadship(
  models: Models,
  r: ResidentModel,
  transaction: Transaction,
  unlessStayingIn: number | null = null,
): Promise<void> {
  if (r.householdId === null || r.householdId === unlessStayingIn) return
  const h = await models.Household.findByPk(r.householdId, { transaction })
  if (h && h.headResidentId === r.id) await h.update({ headResidentId: null }, { transaction })
}
