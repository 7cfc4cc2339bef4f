/**
 * Resident files (居民档案): create, update, archive and restore (never a hard delete here), the
 * searchable list, and the audited reveal of a full ID or mobile number. Numbers leave this
 * service masked; only `reveal` returns one in full, and it writes an audit row first.
 */
import type { Sequelize, Transaction } from 'sequelize'
import { QueryTypes, UniqueConstraintError } from 'sequelize'
import type { Models, ResidentModel } from '../../database/models'
import { queryResidentPage, queryTagNames, type ResidentListFilter } from '../../database/repositories/resident-queries'
import {
  indexResidents,
  isShortTextQuery,
  namePinyin,
  type SearchableResident,
} from '../../database/search/resident-search'
import { AppError, notFoundError } from '../contract/errors'
import type { Page, ResidentDto, ResidentListItemDto, RevealDto } from '../contract/dto'
import type { ResidentInput, ResidentQuery } from '../contract/schemas'
import { checkIdNumber } from '../contract/rules/id-number'
import { checkMobile } from '../contract/rules/phone'
import { maskIdNumber, maskMobile } from '../contract/rules/masking'
import { ageOn, birthDateRange, shanghaiToday } from '../contract/rules/dates'
import type { AuditService } from './audit-service'
import type { Actor, CallContext } from './context'
import { createGridScope, narrowToScope } from './grid-scope'
import type { PlaceService } from './place-service'
import { assertHeadFree, claimHeadship, releaseHeadship } from './household-heads'

export function createResidentService(deps: {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  places: PlaceService
  now: () => Date
}) {
  const { sequelize, models, audit, places, now } = deps
  const scope = createGridScope({ sequelize, models, places })

  async function find(id: number, transaction?: Transaction): Promise<ResidentModel> {
    const r = await models.Resident.findByPk(id, { transaction })
    if (!r) throw notFoundError('resident')
    return r
  }

  async function placeIdOfHousehold(householdId: number | null, transaction?: Transaction): Promise<number | null> {
    if (householdId === null) return null
    const h = await models.Household.findByPk(householdId, { transaction })
    return h?.placeId ?? null
  }

  /** `resolve`: an address lookup read inside a transaction that is renaming or moving places. */
  async function searchable(
    r: ResidentModel,
    transaction?: Transaction,
    resolve?: (placeId: number | null) => string | null,
  ): Promise<SearchableResident> {
    const placeId = await placeIdOfHousehold(r.householdId, transaction)
    return {
      id: r.id,
      name: r.name,
      namePinyin: r.namePinyin,
      nameInitials: r.nameInitials,
      idNumber: r.idNumber,
      mobile: r.mobile,
      landline: r.landline,
      address: resolve ? resolve(placeId) : await places.addressOf(placeId),
    }
  }

  /** The audit copy of a file: numbers masked, because the audit log is read by more people. */
  function auditSnapshot(r: ResidentModel, tagIds: number[]) {
    return {
      name: r.name,
      gender: r.gender,
      idNumber: maskIdNumber(r.idNumber),
      birthDate: r.birthDate,
      ethnicity: r.ethnicity,
      mobile: maskMobile(r.mobile),
      landline: r.landline,
      hukouAddress: r.hukouAddress,
      politicalStatus: r.politicalStatus,
      householdId: r.householdId,
      relationToHead: r.relationToHead,
      tagIds,
      notes: r.notes,
      archived: !!r.archivedAt,
    }
  }

  async function tagIdsOf(id: number, transaction?: Transaction): Promise<number[]> {
    const rows = await models.ResidentTag.findAll({ where: { residentId: id }, transaction, raw: true })
    return rows.map((r) => r.tagId).sort((a, b) => a - b)
  }

  function age(birthDate: string | null): number | null {
    return birthDate ? ageOn(birthDate, shanghaiToday(now())) : null
  }

  async function toDto(r: ResidentModel, transaction?: Transaction): Promise<ResidentDto> {
    const tagIds = await tagIdsOf(r.id, transaction)
    const names = (await queryTagNames(sequelize, [r.id])).get(r.id) ?? []
    const placeId = await placeIdOfHousehold(r.householdId, transaction)
    const warnings: string[] = []
    if (r.mobile) {
      const m = checkMobile(r.mobile)
      if (m.ok && m.warning) warnings.push('mobileUnallocated')
    }
    if (r.idNumber && r.idNumber.length === 15) warnings.push('legacyId')
    return {
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      age: age(r.birthDate),
      idNumber: maskIdNumber(r.idNumber),
      mobile: maskMobile(r.mobile),
      landline: r.landline,
      address: await places.addressOf(placeId),
      householdId: r.householdId,
      relationToHead: r.relationToHead,
      politicalStatus: r.politicalStatus,
      tags: names,
      archived: !!r.archivedAt,
      ethnicity: r.ethnicity,
      hukouAddress: r.hukouAddress,
      notes: r.notes,
      tagIds,
      idNumberMasked: !!r.idNumber,
      mobileMasked: !!r.mobile,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      warnings,
    }
  }

  /** Refuses a second file for one ID number, naming the file that has it. */
  async function assertIdFree(idNumber: string | null, exceptId: number | null, transaction: Transaction) {
    if (!idNumber) return
    const other = await models.Resident.findOne({ where: { idNumber }, transaction })
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', 'errors.validation', {
        fields: [
          {
            path: 'idNumber',
            message: other.archivedAt ? 'validation.id.duplicateArchived' : 'validation.id.duplicate',
            params: { name: other.name, id: other.id },
          },
        ],
      })
    }
  }

  async function assertTagsExist(tagIds: number[], transaction: Transaction) {
    if (tagIds.length === 0) return
    const n = await models.Tag.count({ where: { id: tagIds, archivedAt: null }, transaction })
    if (n !== new Set(tagIds).size) {
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: [{ path: 'tagIds', message: 'validation.tag.unknown' }],
      })
    }
  }

  async function assertHousehold(householdId: number | null | undefined, transaction: Transaction) {
    if (householdId === null || householdId === undefined) return
    const h = await models.Household.findByPk(householdId, { transaction })
    if (!h || h.archivedAt) {
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: [{ path: 'householdId', message: 'validation.household.unknown' }],
      })
    }
  }

  /** Turns validated input into column values; the ID number, when given, decides birth date and gender. */
  function columns(input: ResidentInput) {
    const py = namePinyin(input.name)
    let gender = input.gender ?? null
    let birthDate = input.birthDate ?? null
    if (input.idNumber) {
      const check = checkIdNumber(input.idNumber, { allowLegacy15: true, today: now() })
      if (check.ok) {
        gender = check.info.gender
        birthDate = check.info.birthDate
      }
    }
    return {
      name: input.name,
      namePinyin: py.full,
      nameInitials: py.initials,
      gender,
      idNumber: input.idNumber ?? null,
      birthDate,
      ethnicity: input.ethnicity ?? null,
      mobile: input.mobile ?? null,
      landline: input.landline ?? null,
      hukouAddress: input.hukouAddress ?? null,
      politicalStatus: input.politicalStatus ?? null,
      householdId: input.householdId ?? null,
      relationToHead: input.relationToHead ?? null,
      notes: input.notes ?? null,
    }
  }

  async function setTags(residentId: number, tagIds: number[], transaction: Transaction) {
    await models.ResidentTag.destroy({ where: { residentId }, transaction })
    const unique = [...new Set(tagIds)]
    if (unique.length)
      await models.ResidentTag.bulkCreate(
        unique.map((tagId) => ({ residentId, tagId })),
        { transaction },
      )
  }

  /** A head who leaves a household (edited into another, or out of any) leaves it headless. */
  /** A race the checks above lost (two counters, one ID): the same message, or a plain conflict. */
  function translateUnique(error: unknown): never {
    if (error instanceof UniqueConstraintError) {
      const onId = Object.keys(error.fields ?? {}).some((f) => f === 'id_number' || f === 'idNumber')
      if (onId) {
        throw new AppError('CONFLICT', 'errors.validation', {
          fields: [{ path: 'idNumber', message: 'validation.id.duplicate', params: { name: '?', id: '?' } }],
        })
      }
      throw new AppError('CONFLICT', 'errors.conflict')
    }
    throw error
  }

  const service = {
    /**
     * `searchNumbers`: whether the search may match fragments of ID and mobile numbers. The router
     * passes the account's `residents.unmask`; without it only a whole number finds its file.
     */
    async list(
      query: ResidentQuery,
      /** `actor`: whose grid scope limits the list (none: a call from code, not limited). */
      options: { searchNumbers?: boolean; actor?: Actor | null } = {},
    ): Promise<Page<ResidentListItemDto>> {
      const today = shanghaiToday(now())
      const range = birthDateRange(today, query.ageMin, query.ageMax)
      let placePath = query.placeId ? await places.pathOf(query.placeId) : undefined
      let placePaths: string[] | undefined
      // The scope is one more path condition: a place inside it stays as it is, one around it
      // becomes its grids, one outside it finds nobody.
      const scopePaths = await scope.pathsOf(options.actor)
      if (scopePaths) {
        const paths = narrowToScope(placePath, scopePaths)
        if (paths.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
        if (paths.length === 1) placePath = paths[0]
        else [placePath, placePaths] = [undefined, paths]
      }
      const filter: ResidentListFilter = {
        q: query.q,
        searchNumbers: options.searchNumbers ?? true,
        placePath,
        placePaths,
        tagIds: query.tagIds,
        bornOnOrAfter: range.from,
        bornOnOrBefore: range.to,
        gender: query.gender,
        politicalStatus: query.politicalStatus,
        status: query.status,
        sort: query.sort,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }
      let { rows, total } = await queryResidentPage(sequelize, filter)
      // One or two characters that start no name (幸福, 明): look inside names and addresses.
      if (total === 0 && query.q && isShortTextQuery(query.q)) {
        ;({ rows, total } = await queryResidentPage(sequelize, { ...filter, searchSubstring: true }))
      }
      const tags = await queryTagNames(
        sequelize,
        rows.map((r) => r.id),
      )
      const resolve = await places.addressResolver()
      const items: ResidentListItemDto[] = []
      for (const r of rows) {
        items.push({
          id: r.id,
          name: r.name,
          gender: r.gender,
          birthDate: r.birth_date,
          age: r.birth_date ? ageOn(r.birth_date, today) : null,
          idNumber: maskIdNumber(r.id_number),
          mobile: maskMobile(r.mobile),
          landline: r.landline,
          address: resolve(r.place_id),
          householdId: r.household_id,
          relationToHead: r.relation_to_head,
          politicalStatus: r.political_status,
          tags: tags.get(r.id) ?? [],
          archived: r.archived_at !== null,
        })
      }
      return { items, total, page: query.page, pageSize: query.pageSize }
    },

    /** `actor`: a resident outside their grid scope is not found. */
    async get(id: number, actor?: Actor | null): Promise<ResidentDto> {
      await scope.assertResident(actor, id)
      return toDto(await find(id))
    },

    async create(ctx: CallContext, input: ResidentInput): Promise<ResidentDto> {
      // A scoped account files people into its own grids only.
      if (input.householdId) await scope.assertHousehold(ctx.actor, input.householdId)
      try {
        const id = await sequelize.transaction(async (transaction) => {
          await assertIdFree(input.idNumber ?? null, null, transaction)
          await assertTagsExist(input.tagIds, transaction)
          await assertHousehold(input.householdId, transaction)
          await assertHeadFree(models, { residentId: null, ...input }, transaction)
          const r = await models.Resident.create(columns(input), { transaction })
          await setTags(r.id, input.tagIds, transaction)
          await claimHeadship(models, r, transaction)
          await indexResidents(sequelize, [await searchable(r, transaction)], transaction)
          await audit.record(
            ctx,
            { action: 'create', entity: 'resident', entityId: r.id, after: auditSnapshot(r, input.tagIds) },
            transaction,
          )
          return r.id
        })
        return service.get(id)
      } catch (error) {
        return translateUnique(error)
      }
    },

    /**
     * Replaces a file. With `expectedUpdatedAt` (the version the form was opened on), a file changed
     * since (another counter, a member moved meanwhile) is refused rather than silently overwritten.
     */
    async update(ctx: CallContext, id: number, input: ResidentInput, expectedUpdatedAt?: string): Promise<ResidentDto> {
      await scope.assertResident(ctx.actor, id)
      if (input.householdId) await scope.assertHousehold(ctx.actor, input.householdId)
      try {
        await sequelize.transaction(async (transaction) => {
          const r = await find(id, transaction)
          if (expectedUpdatedAt && new Date(r.updatedAt).toISOString() !== expectedUpdatedAt) {
            throw new AppError('CONFLICT', 'errors.staleEdit')
          }
          const currentTags = await tagIdsOf(id, transaction)
          const before = auditSnapshot(r, currentTags)
          // Numbers left out are kept: the editor shows only masks, never the stored numbers.
          input = {
            ...input,
            idNumber: input.idNumber === undefined ? r.idNumber : input.idNumber,
            mobile: input.mobile === undefined ? r.mobile : input.mobile,
          }
          await assertIdFree(input.idNumber ?? null, id, transaction)
          // A tag archived since it was given stays on the file; only newly added tags must be in use.
          await assertTagsExist(
            input.tagIds.filter((t) => !currentTags.includes(t)),
            transaction,
          )
          await assertHousehold(input.householdId, transaction)
          await assertHeadFree(models, { residentId: id, ...input }, transaction)
          await releaseHeadship(models, r, transaction, input.householdId ?? null)
          await r.update(columns(input), { transaction })
          await setTags(id, input.tagIds, transaction)
          await claimHeadship(models, r, transaction)
          await indexResidents(sequelize, [await searchable(r, transaction)], transaction)
          await audit.record(
            ctx,
            { action: 'update', entity: 'resident', entityId: id, before, after: auditSnapshot(r, input.tagIds) },
            transaction,
          )
        })
        return service.get(id)
      } catch (error) {
        return translateUnique(error)
      }
    },

    async setArchived(ctx: CallContext, id: number, archived: boolean): Promise<ResidentDto> {
      await scope.assertResident(ctx.actor, id)
      await sequelize.transaction(async (transaction) => {
        const r = await find(id, transaction)
        if (!!r.archivedAt === archived) return
        const tagIds = await tagIdsOf(id, transaction)
        const before = auditSnapshot(r, tagIds)
        // An archived person heads nothing; on restore they head their household again if nobody does.
        if (archived) await releaseHeadship(models, r, transaction)
        await r.update({ archivedAt: archived ? now() : null }, { transaction })
        if (!archived) await claimHeadship(models, r, transaction)
        await audit.record(
          ctx,
          {
            action: archived ? 'archive' : 'restore',
            entity: 'resident',
            entityId: id,
            before,
            after: auditSnapshot(r, tagIds),
          },
          transaction,
        )
      })
      return service.get(id)
    },

    /** "Show in full": the audit row is written before the number is returned. */
    async reveal(ctx: CallContext, id: number, field: 'idNumber' | 'mobile'): Promise<RevealDto> {
      await scope.assertResident(ctx.actor, id)
      const r = await find(id)
      const value = field === 'idNumber' ? r.idNumber : r.mobile
      await audit.record(ctx, { action: 'reveal', entity: 'resident', entityId: id, after: { field } })
      return { field, value }
    },

    /** Re-indexes everyone whose household lies under a place whose name or position changed. */
    async reindexUnderPlace(placePath: string, transaction: Transaction): Promise<void> {
      // One read of exactly what the index needs, not a model and a household lookup per person:
      // this runs inside the rename's write transaction, and a compound can hold thousands.
      const rows = (await sequelize.query(
        `SELECT r.id, r.name, r.name_pinyin, r.name_initials, r.id_number, r.mobile, r.landline, h.place_id
           FROM residents r JOIN households h ON h.id = r.household_id JOIN places p ON p.id = h.place_id
          WHERE p.path >= :lo AND p.path < :hi`,
        { replacements: { lo: placePath, hi: placePath.slice(0, -1) + '0' }, transaction, type: QueryTypes.SELECT },
      )) as Array<{
        id: number
        name: string
        name_pinyin: string
        name_initials: string
        id_number: string | null
        mobile: string | null
        landline: string | null
        place_id: number
      }>
      const resolve = await places.addressResolver(transaction)
      const docs: SearchableResident[] = rows.map((r) => ({
        id: r.id,
        name: r.name,
        namePinyin: r.name_pinyin,
        nameInitials: r.name_initials,
        idNumber: r.id_number,
        mobile: r.mobile,
        landline: r.landline,
        address: resolve(r.place_id),
      }))
      await indexResidents(sequelize, docs, transaction)
    },

    searchable,
    toDto,
    scope,
  }
  return service
}

export type ResidentService = ReturnType<typeof createResidentService>
