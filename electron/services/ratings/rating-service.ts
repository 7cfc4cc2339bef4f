/**
 * 季评诚信 (issue 5): sole traders, the station's checklist and thresholds, and one rating per
 * business and quarter. The level is decided here from the scores and the thresholds in force;
 * a rating keeps its scores as rated, so a changed checklist never rewrites a past quarter.
 * Re-rating a quarter replaces it, and the audit row keeps the earlier scores.
 */
import { Op, type WhereOptions } from 'sequelize'
import type { BusinessRatingModel, BusinessModel } from '../../../database/models/ratings'
import { columnContains } from '../../../database/like'
import { AppError, type FieldError, notFoundError } from '../../contract/errors'
import type { Page } from '../../contract/dto'
import type {
  BusinessDto,
  CriterionDto,
  RatingDto,
  RatingScoreDto,
  RatingSummaryDto,
  ThresholdsDto,
} from '../../contract/rating-dto'
import type { BusinessQuery, BusinessSave, RateInput } from '../../contract/rating-schemas'
import {
  DEFAULT_THRESHOLDS,
  levelFor,
  ratingTotals,
  thresholdsValid,
  type RatingLevel,
} from '../../contract/rules/integrity-rating'
import { maskMobile } from '../../contract/rules/masking'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'
import { DEFAULT_CRITERIA } from './default-criteria'

const THRESHOLDS_KEY = 'ratings.thresholds'
const iso = (d: Date) => d.toISOString()

function summaryOf(r: BusinessRatingModel): RatingSummaryDto {
  return {
    id: r.id,
    quarter: r.quarter,
    total: r.total,
    max: r.maxScore,
    percent: r.percent,
    level: r.level as RatingLevel,
  }
}

export function createRatingService(deps: ModuleDeps) {
  const { models, sequelize, audit } = deps

  async function thresholds(): Promise<ThresholdsDto> {
    const row = await models.Setting.findByPk(THRESHOLDS_KEY)
    if (!row) return { ...DEFAULT_THRESHOLDS }
    const stored = JSON.parse(row.value) as ThresholdsDto
    return thresholdsValid(stored) ? stored : { ...DEFAULT_THRESHOLDS }
  }

  async function criteria(): Promise<CriterionDto[]> {
    const rows = await models.RatingCriterion.findAll({
      order: [
        ['sort', 'ASC'],
        ['id', 'ASC'],
      ],
    })
    return rows.map((c) => ({
      id: c.id,
      name: c.name,
      maxScore: c.maxScore,
      sort: c.sort,
      archived: c.archivedAt !== null,
    }))
  }

  function businessDto(b: BusinessModel, rating: BusinessRatingModel | null): BusinessDto {
    return {
      id: b.id,
      name: b.name,
      creditCode: b.creditCode,
      operatorName: b.operatorName,
      phone: maskMobile(b.phone),
      address: b.address,
      category: b.category,
      status: b.status,
      notes: b.notes,
      rating: rating ? summaryOf(rating) : null,
      updatedAt: iso(b.updatedAt),
    }
  }

  async function ratingDto(r: BusinessRatingModel): Promise<RatingDto> {
    const business = await models.Business.findByPk(r.businessId)
    const rater = r.ratedBy ? await models.Account.findByPk(r.ratedBy) : null
    return {
      ...summaryOf(r),
      businessId: r.businessId,
      businessName: business?.name ?? '',
      scores: JSON.parse(r.scores) as RatingScoreDto[],
      notes: r.notes,
      ratedBy: rater?.displayName ?? null,
      ratedOn: r.ratedOn,
      updatedAt: iso(r.updatedAt),
    }
  }

  return {
    /** A new station's checklist; a station that has one (even all archived) keeps it. */
    async seedCriteria(): Promise<void> {
      if ((await models.RatingCriterion.count()) > 0) return
      const at = deps.now()
      await models.RatingCriterion.bulkCreate(
        DEFAULT_CRITERIA.map((c, i) => ({ ...c, sort: (i + 1) * 10, createdAt: at, updatedAt: at })),
      )
    },

    async listBusinesses(query: BusinessQuery): Promise<Page<BusinessDto>> {
      const and: WhereOptions[] = []
      if (query.q) {
        and.push({
          [Op.or]: [
            columnContains(sequelize, 'name', query.q),
            columnContains(sequelize, 'operator_name', query.q),
            columnContains(sequelize, 'address', query.q),
          ],
        })
      }
      if (query.status) and.push({ status: query.status })
      if (query.quarter && query.level) {
        const rated = sequelize.literal(
          `(SELECT id FROM business_ratings WHERE quarter = ${sequelize.escape(query.quarter)}` +
            (query.level === 'unrated' ? ')' : ` AND level = ${sequelize.escape(query.level)})`),
        )
        and.push({ id: { [query.level === 'unrated' ? Op.notIn : Op.in]: rated } })
      }
      const { rows, count } = await models.Business.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['status', 'ASC'],
          ['name', 'ASC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
      const ids = rows.map((b) => b.id)
      const ratings = ids.length
        ? await models.BusinessRating.findAll({
            where: { businessId: { [Op.in]: ids }, ...(query.quarter ? { quarter: query.quarter } : {}) },
            order: [['quarter', 'DESC']],
          })
        : []
      // Without a quarter, each business shows its latest rating (the first in quarter order).
      const byBusiness = new Map<number, BusinessRatingModel>()
      for (const r of ratings) if (!byBusiness.has(r.businessId)) byBusiness.set(r.businessId, r)
      return {
        items: rows.map((b) => businessDto(b, byBusiness.get(b.id) ?? null)),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    async saveBusiness(ctx: CallContext, input: BusinessSave): Promise<BusinessDto> {
      return sequelize.transaction(async (transaction) => {
        const data = {
          name: input.data.name,
          creditCode: input.data.creditCode ?? null,
          operatorName: input.data.operatorName,
          phone: input.data.phone ?? null,
          address: input.data.address ?? null,
          category: input.data.category ?? null,
          status: input.data.status,
          notes: input.data.notes ?? null,
        }
        if (data.creditCode) {
          const same = await models.Business.findOne({
            where: { creditCode: data.creditCode, ...(input.id ? { id: { [Op.ne]: input.id } } : {}) },
            transaction,
          })
          if (same) {
            throw new AppError('CONFLICT', 'errors.validation', {
              fields: [
                { path: 'data.creditCode', message: 'validation.ratings.creditCodeTaken', params: { name: same.name } },
              ],
            })
          }
        }
        if (input.id === undefined) {
          const created = await models.Business.create(data, { transaction })
          await audit.record(
            ctx,
            {
              action: 'create',
              entity: 'business',
              entityId: created.id,
              after: { ...data, phone: maskMobile(data.phone) },
            },
            transaction,
          )
          return businessDto(created, null)
        }
        const business = await models.Business.findByPk(input.id, { transaction })
        if (!business) throw notFoundError('business')
        if (input.expectedUpdatedAt && iso(business.updatedAt) !== input.expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'errors.ratings.staleEdit')
        }
        const before = { ...business.get({ plain: true }), phone: maskMobile(business.phone) }
        // A form that left the masked phone alone sends nothing: the stored number stays.
        await business.update(
          { ...data, phone: input.data.phone === undefined ? business.phone : data.phone },
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'business',
            entityId: business.id,
            before,
            after: { ...data, phone: maskMobile(business.phone) },
          },
          transaction,
        )
        return businessDto(business, null)
      })
    },

    async history(businessId: number): Promise<RatingDto[]> {
      const rows = await models.BusinessRating.findAll({ where: { businessId }, order: [['quarter', 'DESC']] })
      return Promise.all(rows.map(ratingDto))
    },

    async get(id: number): Promise<RatingDto> {
      const r = await models.BusinessRating.findByPk(id)
      if (!r) throw notFoundError('rating')
      return ratingDto(r)
    },

    criteria,

    async saveCriterion(
      ctx: CallContext,
      input: { id?: number; name: string; maxScore: number; sort: number },
    ): Promise<CriterionDto[]> {
      await sequelize.transaction(async (transaction) => {
        if (input.id === undefined) {
          const c = await models.RatingCriterion.create(
            { name: input.name, maxScore: input.maxScore, sort: input.sort },
            { transaction },
          )
          await audit.record(
            ctx,
            { action: 'create', entity: 'rating-criterion', entityId: c.id, after: input },
            transaction,
          )
          return
        }
        const c = await models.RatingCriterion.findByPk(input.id, { transaction })
        if (!c) throw notFoundError('criterion')
        const before = { name: c.name, maxScore: c.maxScore, sort: c.sort }
        await c.update({ name: input.name, maxScore: input.maxScore, sort: input.sort }, { transaction })
        await audit.record(
          ctx,
          { action: 'update', entity: 'rating-criterion', entityId: c.id, before, after: input },
          transaction,
        )
      })
      return criteria()
    },

    async archiveCriterion(ctx: CallContext, id: number): Promise<CriterionDto[]> {
      await sequelize.transaction(async (transaction) => {
        const c = await models.RatingCriterion.findByPk(id, { transaction })
        if (!c) throw notFoundError('criterion')
        const active = await models.RatingCriterion.count({ where: { archivedAt: null }, transaction })
        if (active <= 1 && c.archivedAt === null) throw new AppError('VALIDATION', 'errors.ratings.lastCriterion')
        await c.update({ archivedAt: deps.now() }, { transaction })
        await audit.record(
          ctx,
          { action: 'archive', entity: 'rating-criterion', entityId: id, before: { name: c.name } },
          transaction,
        )
      })
      return criteria()
    },

    thresholds,

    async setThresholds(ctx: CallContext, next: ThresholdsDto): Promise<ThresholdsDto> {
      const before = await thresholds()
      await sequelize.transaction(async (transaction) => {
        await models.Setting.upsert({ key: THRESHOLDS_KEY, value: JSON.stringify(next) }, { transaction })
        await audit.record(ctx, { action: 'update', entity: 'rating-thresholds', before, after: next }, transaction)
      })
      return next
    },

    /**
     * Rates a business for a quarter against the active checklist: every active criterion needs a
     * score between 0 and its maximum, and nothing else is accepted. The level follows from the
     * total and the thresholds in force now.
     */
    async rate(ctx: CallContext, input: RateInput): Promise<RatingDto> {
      const active = (await criteria()).filter((c) => !c.archived)
      const given = new Map(input.scores.map((s) => [s.criterionId, s]))
      const fields: FieldError[] = []
      input.scores.forEach((s, i) => {
        const c = active.find((x) => x.id === s.criterionId)
        if (!c) fields.push({ path: `scores.${i}.criterionId`, message: 'validation.ratings.unknownCriterion' })
        else if (s.score > c.maxScore)
          fields.push({
            path: `scores.${i}.score`,
            message: 'validation.ratings.scoreRange',
            params: { max: c.maxScore },
          })
      })
      const missing = active.filter((c) => !given.has(c.id))
      if (missing.length)
        fields.push({
          path: 'scores',
          message: 'validation.ratings.missingScores',
          params: { names: missing.map((c) => c.name).join('、') },
        })
      if (fields.length) throw new AppError('VALIDATION', 'errors.validation', { fields })

      const scores: RatingScoreDto[] = active.map((c) => {
        const s = given.get(c.id)!
        return { criterionId: c.id, name: c.name, maxScore: c.maxScore, score: s.score, note: s.note ?? null }
      })
      const totals = ratingTotals(scores)
      const level = levelFor(totals.percent, await thresholds())

      const saved = await sequelize.transaction(async (transaction) => {
        const business = await models.Business.findByPk(input.businessId, { transaction })
        if (!business) throw notFoundError('business')
        const values = {
          businessId: business.id,
          quarter: input.quarter,
          ratedOn: input.ratedOn,
          scores: JSON.stringify(scores),
          total: totals.total,
          maxScore: totals.max,
          percent: totals.percent,
          level,
          notes: input.notes ?? null,
          ratedBy: ctx.actor?.accountId ?? null,
        }
        const existing = await models.BusinessRating.findOne({
          where: { businessId: business.id, quarter: input.quarter },
          transaction,
        })
        if (existing) {
          if (input.expectedUpdatedAt !== undefined && iso(existing.updatedAt) !== input.expectedUpdatedAt) {
            throw new AppError('CONFLICT', 'errors.ratings.staleEdit')
          }
          // Re-rating the quarter without having opened its rating would silently replace it.
          if (input.expectedUpdatedAt === undefined) {
            throw new AppError('CONFLICT', 'errors.ratings.alreadyRated', { params: { quarter: input.quarter } })
          }
          const before = {
            scores: JSON.parse(existing.scores) as unknown,
            total: existing.total,
            level: existing.level,
            ratedOn: existing.ratedOn,
          }
          await existing.update(values, { transaction })
          await audit.record(
            ctx,
            {
              action: 'update',
              entity: 'business-rating',
              entityId: existing.id,
              before,
              after: { scores, total: totals.total, level, ratedOn: input.ratedOn },
            },
            transaction,
          )
          return existing
        }
        const created = await models.BusinessRating.create(values, { transaction })
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'business-rating',
            entityId: created.id,
            after: { businessId: business.id, quarter: input.quarter, total: totals.total, level },
          },
          transaction,
        )
        return created
      })
      return ratingDto(saved)
    },

    /** Businesses by id, with their stored (unmasked) fields, for documents built in main. */
    async businessesByIds(ids: number[]): Promise<Map<number, BusinessModel>> {
      const rows = ids.length ? await models.Business.findAll({ where: { id: { [Op.in]: [...new Set(ids)] } } }) : []
      return new Map(rows.map((b) => [b.id, b]))
    },

    /** The quarter's ratings of active businesses, by level then score, for the printed list. */
    async quarterList(quarter: string): Promise<RatingDto[]> {
      const rows = await models.BusinessRating.findAll({
        where: { quarter },
        order: [
          ['level', 'ASC'],
          ['percent', 'DESC'],
        ],
      })
      return Promise.all(rows.map(ratingDto))
    },
  }
}

export type RatingService = ReturnType<typeof createRatingService>
