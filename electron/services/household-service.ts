/** Households (户): an address, a head, and members with their relation to the head. */
import type { Sequelize, Transaction } from 'sequelize'
import type { HouseholdModel, Models } from '../../database/models'
import { AppError, notFoundError } from '../contract/errors'
import type { HouseholdDto, ResidentDto } from '../contract/dto'
import { ageOn, shanghaiToday } from '../contract/rules/dates'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'
import type { PlaceService } from './place-service'
import type { ResidentService } from './resident-service'
import { assertHeadFree, claimHeadship, isHeadRelation, releaseHeadship } from './household-heads'
import { indexResidents } from '../../database/search/resident-search'

export function createHouseholdService(deps: {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  places: PlaceService
  residents: ResidentService
  now: () => Date
}) {
  const { sequelize, models, audit, places, residents, now } = deps

  async function find(id: number, transaction?: Transaction): Promise<HouseholdModel> {
    const h = await models.Household.findByPk(id, { transaction })
    if (!h) throw notFoundError('household')
    return h
  }

  async function toDto(h: HouseholdModel): Promise<HouseholdDto> {
    const members = await models.Resident.findAll({ where: { householdId: h.id }, order: [['id', 'ASC']] })
    const today = shanghaiToday(now())
    const head = members.find((m) => m.id === h.headResidentId)
    return {
      id: h.id,
      placeId: h.placeId,
      address: (await places.addressOf(h.placeId)) ?? '',
      headResidentId: h.headResidentId,
      headName: head?.name ?? null,
      archived: !!h.archivedAt,
      members: members
        .map((m) => ({
          residentId: m.id,
          name: m.name,
          relationToHead: m.relationToHead,
          isHead: m.id === h.headResidentId,
          gender: m.gender,
          age: m.birthDate ? ageOn(m.birthDate, today) : null,
          archived: !!m.archivedAt,
        }))
        .sort((a, b) => Number(b.isHead) - Number(a.isHead)),
    }
  }

  const service = {
    async get(id: number): Promise<HouseholdDto> {
      return toDto(await find(id))
    },

    async list(placeId: number): Promise<HouseholdDto[]> {
      const rows = await models.Household.findAll({ where: { placeId, archivedAt: null }, order: [['id', 'ASC']] })
      return Promise.all(rows.map(toDto))
    },

    async create(ctx: CallContext, placeId: number): Promise<HouseholdDto> {
      const id = await sequelize.transaction(async (transaction) => {
        const place = await models.Place.findByPk(placeId, { transaction })
        if (!place || place.archivedAt) {
          throw new AppError('VALIDATION', 'errors.validation', {
            fields: [{ path: 'placeId', message: 'validation.place.unknown' }],
          })
        }
        const h = await models.Household.create({ placeId }, { transaction })
        await audit.record(
          ctx,
          { action: 'create', entity: 'household', entityId: h.id, after: { placeId } },
          transaction,
        )
        return h.id
      })
      return service.get(id)
    },

    async setHead(ctx: CallContext, householdId: number, residentId: number): Promise<HouseholdDto> {
      await sequelize.transaction(async (transaction) => {
        const h = await find(householdId, transaction)
        const r = await models.Resident.findByPk(residentId, { transaction })
        if (!r || r.householdId !== householdId) {
          throw new AppError('VALIDATION', 'errors.validation', {
            fields: [{ path: 'residentId', message: 'validation.household.notMember' }],
          })
        }
        const before = { headResidentId: h.headResidentId }
        // The old head is no longer 户主; their relation to the new head is for the staff to enter,
        // rather than the household showing two heads.
        if (h.headResidentId !== null && h.headResidentId !== residentId) {
          const old = await models.Resident.findByPk(h.headResidentId, { transaction })
          if (old && old.relationToHead !== null && isHeadRelation(old.relationToHead)) {
            await old.update({ relationToHead: null }, { transaction })
          }
        }
        await h.update({ headResidentId: residentId }, { transaction })
        await r.update({ relationToHead: '户主' }, { transaction })
        await audit.record(
          ctx,
          {
            action: 'setHead',
            entity: 'household',
            entityId: householdId,
            before,
            after: { headResidentId: residentId },
          },
          transaction,
        )
      })
      return service.get(householdId)
    },

    /** Moves a person between households; a head who leaves leaves the old household headless. */
    async moveMember(
      ctx: CallContext,
      input: { residentId: number; householdId: number | null; relationToHead: string | null },
    ): Promise<ResidentDto> {
      await sequelize.transaction(async (transaction) => {
        const r = await models.Resident.findByPk(input.residentId, { transaction })
        if (!r) throw notFoundError('resident')
        if (input.householdId !== null) {
          const target = await models.Household.findByPk(input.householdId, { transaction })
          if (!target || target.archivedAt) {
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'householdId', message: 'validation.household.unknown' }],
            })
          }
        }
        const before = { householdId: r.householdId, relationToHead: r.relationToHead }
        await assertHeadFree(models, { ...input, residentId: r.id }, transaction)
        await releaseHeadship(models, r, transaction, input.householdId)
        await r.update({ householdId: input.householdId, relationToHead: input.relationToHead }, { transaction })
        await claimHeadship(models, r, transaction)
        await indexResidents(sequelize, [await residents.searchable(r, transaction)], transaction)
        await audit.record(
          ctx,
          {
            action: 'moveMember',
            entity: 'resident',
            entityId: r.id,
            before,
            after: { householdId: input.householdId, relationToHead: input.relationToHead },
          },
          transaction,
        )
      })
      return residents.get(input.residentId)
    },
  }
  return service
}

export type HouseholdService = ReturnType<typeof createHouseholdService>
