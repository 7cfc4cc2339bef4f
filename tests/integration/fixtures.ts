/** A small community built through the services, shared by the integration tests. */
import { idCheckChar } from '../../electron/contract/rules/id-number'
import { schemas, type ResidentInput, type ResidentQuery } from '../../electron/contract/schemas'
import { z } from 'zod'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

/** A valid ID number for a birth date (`YYYYMMDD`) and a three-digit sequence (odd: male). */
export function makeId(birth: string, seq = '123', region = '510703'): string {
  const first17 = region + birth + seq
  return first17 + idCheckChar(first17)
}

/** Resident input as a form would send it, parsed by the same schema the router uses. */
export function residentInput(raw: z.input<typeof schemas.residentInput>): ResidentInput {
  return schemas.residentInput.parse(raw)
}

export function query(raw: z.input<typeof schemas.residentQuery> = {}): ResidentQuery {
  return schemas.residentQuery.parse(raw)
}

/**
 * 幸福社区 / 一网格 / 幸福小区 / 17栋 / 2单元 / 501 and 502, plus 二网格 / 和平街 / 8号, each room with
 * one household.
 */
export async function buildCommunity(s: ServiceContainer, call: CallContext) {
  const community = await s.places.create(call, { parentId: null, kind: 'community', name: '幸福社区' })
  const grid1 = await s.places.create(call, { parentId: community.id, kind: 'grid', name: '一网格' })
  const compound = await s.places.create(call, { parentId: grid1.id, kind: 'compound', name: '幸福小区' })
  const building = await s.places.create(call, { parentId: compound.id, kind: 'building', name: '17栋' })
  const unit = await s.places.create(call, { parentId: building.id, kind: 'unit', name: '2单元' })
  const room501 = await s.places.create(call, { parentId: unit.id, kind: 'room', name: '501' })
  const room502 = await s.places.create(call, { parentId: unit.id, kind: 'room', name: '502' })
  const grid2 = await s.places.create(call, { parentId: community.id, kind: 'grid', name: '二网格' })
  const street = await s.places.create(call, { parentId: grid2.id, kind: 'compound', name: '和平街' })
  const house8 = await s.places.create(call, { parentId: street.id, kind: 'room', name: '8号' })
  const h501 = await s.households.create(call, room501.id)
  const h502 = await s.households.create(call, room502.id)
  const h8 = await s.households.create(call, house8.id)
  return { community, grid1, compound, building, unit, room501, room502, grid2, street, house8, h501, h502, h8 }
}
