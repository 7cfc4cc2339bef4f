/**
 * Visit plans: generate one for a week or a month (planned visits of the period are replaced,
 * confirmed and done ones kept), list the visits of a range with what could not be assigned, and
 * move a visit by hand, checked against the planner's rules first.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitModel } from '../../../database/models/visits'
import { AppError } from '../../contract/errors'
import type { MoveResultDto, PlanDto, PlanStatsDto, VisitDto } from '../../contract/visit-dto'
import type { VisitMoveInput } from '../../contract/visit-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import {
  checkMove,
  dateFromDay,
  dayFromDate,
  localFromMinute,
  MINUTES_PER_DAY,
  minuteFromLocal,
  planVisits,
  weekOfDay,
  type PlanVisitRef,
} from './planner'
import { loadPlannerInput, volunteersOf } from './planner-input'
import { lookupResidents } from './residents-lookup'
import { readVisitRules } from './visit-rules'
import { unassignedIn, type StoredUnassigned } from './stored-unassigned'
import { notFoundError } from '../../contract/errors'

interface Deps {
  models: Models
  audit: AuditService
  now: () => Date
}

/** The week (Monday to Sunday) or calendar month holding `from`. */
export function periodOf(kind: 'week' | 'month', from: string): { fromDay: number; toDay: number } {
  const day = dayFromDate(from)
  if (kind === 'week') return { fromDay: weekOfDay(day), toDay: weekOfDay(day) + 6 }
  const [y, m] = from.split('-').map(Number) as [number, number]
  const first = dayFromDate(`${y}-${String(m).padStart(2, '0')}-01`)
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return { fromDay: first, toDay: dayFromDate(next) - 1 }
}

export function createPlanService({ models, audit, now }: Deps) {
  async function visitDtos(rows: VisitModel[], transaction?: Transaction): Promise<VisitDto[]> {
    const people = await models.VisitPerson.findAll({
      where: { id: { [Op.in]: [...new Set(rows.map((r) => r.personId))] } },
      transaction,
    })
    const info = await lookupResidents(
      models,
      people.map((p) => p.residentId),
      transaction,
    )
    const person = new Map(people.map((p) => [p.id, { name: info.get(p.residentId)?.name ?? '', tier: p.tier }]))
    const vols = await volunteersOf(
      models,
      rows.map((r) => r.id),
      transaction,
    )
    const names = new Map(
      (await models.Volunteer.findAll({ attributes: ['id', 'name'], transaction })).map((v) => [v.id, v.name]),
    )
    return rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      personId: r.personId,
      personName: person.get(r.personId)?.name ?? '',
      kind: r.kind,
      tier: person.get(r.personId)?.tier ?? 'general',
      startAt: r.startAt,
      endAt: r.endAt,
      windowFrom: r.windowFrom,
      windowTo: r.windowTo,
      status: r.status,
      volunteers: (vols.get(r.id) ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
    }))
  }

  async function list(range: { from: string; to: string }, transaction?: Transaction): Promise<PlanDto> {
    const rows = await models.Visit.findAll({
      where: { startAt: { [Op.gte]: range.from, [Op.lt]: dateFromDay(dayFromDate(range.to) + 1) } },
      order: [
        ['startAt', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
    })
    const { latest: plan, items: stored } = await unassignedIn(models, range, transaction)
    const people = await models.VisitPerson.findAll({
      where: { id: { [Op.in]: stored.map((u) => u.personId) } },
      transaction,
    })
    const info = await lookupResidents(
      models,
      people.map((p) => p.residentId),
      transaction,
    )
    const nameOf = new Map(people.map((p) => [p.id, info.get(p.residentId)?.name ?? '']))
    return {
      id: plan?.id ?? null,
      periodFrom: plan?.periodFrom ?? range.from,
      periodTo: plan?.periodTo ?? range.to,
      generatedAt: plan ? new Date(plan.generatedAt).toISOString() : null,
      stats: plan ? (JSON.parse(plan.stats) as PlanStatsDto) : null,
      visits: await visitDtos(rows, transaction),
      unassigned: stored.map((u) => ({ ...u, personName: nameOf.get(u.personId) ?? '' })),
    }
  }

  async function getVisit(id: number, transaction?: Transaction): Promise<VisitDto> {
    const row = await models.Visit.findByPk(id, { transaction })
    if (!row) throw notFoundError('visit')
    return (await visitDtos([row], transaction))[0]!
  }

  return {
    list,
    getVisit,
    visitDtos,

    async generate(ctx: CallContext, query: { period: 'week' | 'month'; from: string }): Promise<PlanDto> {
      const period = periodOf(query.period, query.from)
      const from = dateFromDay(period.fromDay)
      const to = dateFromDay(period.toDay)
      const end = dateFromDay(period.toDay + 1)
      await models.sequelize.transaction(async (transaction) => {
        // Re-planning replaces only what is still just planned; confirmed and done visits stay.
        const stale = await models.Visit.findAll({
          where: { status: 'planned', startAt: { [Op.gte]: from, [Op.lt]: end } },
          attributes: ['id'],
          transaction,
        })
        const staleIds = stale.map((v) => v.id)
        for (let i = 0; i < staleIds.length; i += 500) {
          const chunk = staleIds.slice(i, i + 500)
          await models.VisitVolunteer.destroy({ where: { visitId: { [Op.in]: chunk } }, transaction })
          await models.Visit.destroy({ where: { id: { [Op.in]: chunk } }, transaction })
        }
        const rules = await readVisitRules(models, transaction)
        const input = await loadPlannerInput(models, rules, period, transaction)
        const result = planVisits(input)
        const at = now()
        const plan = await models.VisitPlan.create(
          {
            periodFrom: from,
            periodTo: to,
            generatedAt: at,
            accountId: ctx.actor?.accountId ?? null,
            stats: JSON.stringify(result.stats),
            unassigned: JSON.stringify(
              result.unassigned.map<StoredUnassigned>((u) => ({
                personId: u.personId,
                kind: u.kind,
                tier: u.tier,
                windowFrom: localFromMinute(u.windowFrom),
                windowTo: localFromMinute(u.windowTo),
                reason: u.reason,
                detail: u.detail,
              })),
            ),
          },
          { transaction },
        )
        const created = await models.Visit.bulkCreate(
          result.visits.map((v) => ({
            planId: plan.id,
            personId: v.personId,
            kind: v.kind,
            startAt: localFromMinute(v.start),
            endAt: localFromMinute(v.end),
            windowFrom: localFromMinute(v.windowFrom),
            windowTo: localFromMinute(v.windowTo),
            status: 'planned' as const,
            createdAt: at,
            updatedAt: at,
          })),
          { transaction },
        )
        await models.VisitVolunteer.bulkCreate(
          created.flatMap((row, i) =>
            result.visits[i]!.volunteerIds.map((volunteerId) => ({ visitId: row.id, volunteerId })),
          ),
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'plan',
            entity: 'visitPlan',
            entityId: plan.id,
            after: { from, to, replaced: staleIds.length, ...result.stats },
          },
          transaction,
        )
      })
      return list({ from, to })
    },

    async move(ctx: CallContext, input: VisitMoveInput): Promise<MoveResultDto> {
      return models.sequelize.transaction(async (transaction) => {
        const row = await models.Visit.findByPk(input.id, { transaction })
        if (!row) throw notFoundError('visit')
        if (row.status !== 'planned' && row.status !== 'confirmed')
          throw new AppError('CONFLICT', 'errors.visits.visitClosed', { params: { status: row.status } })
        const start = minuteFromLocal(input.startAt)
        const duration = minuteFromLocal(row.endAt) - minuteFromLocal(row.startAt)
        const days = [Math.floor(start / MINUTES_PER_DAY), Math.floor(minuteFromLocal(row.startAt) / MINUTES_PER_DAY)]
        const period = { fromDay: Math.min(...days) - 1, toDay: Math.max(...days) + 1 }
        const rules = await readVisitRules(models, transaction)
        // Planned visits hold time too: a move must not land on them.
        const plannerInput = await loadPlannerInput(models, rules, period, transaction, ['planned'])
        const refs: PlanVisitRef[] = plannerInput.fixed.map((f) =>
          f.key === `v${row.id}` ? { ...f, ...windowOf(row), urgent: row.kind === 'urgent' } : f,
        )
        if (!refs.some((r) => r.key === `v${row.id}`)) throw notFoundError('visit')
        const conflicts = checkMove(plannerInput, refs, {
          key: `v${row.id}`,
          start,
          volunteerIds: input.volunteerIds,
        }).map((c) => ({
          rule: c.rule,
          ...(c.volunteerId !== undefined ? { volunteerId: c.volunteerId } : {}),
          ...(c.otherKey ? { otherVisitId: Number(c.otherKey.slice(1)) } : {}),
        }))
        if (conflicts.length > 0 && !input.force)
          return { saved: false, conflicts, visit: await getVisit(row.id, transaction) }
        const before = {
          startAt: row.startAt,
          volunteerIds: (await volunteersOf(models, [row.id], transaction)).get(row.id) ?? [],
          status: row.status,
        }
        // A visit the coordinator placed by hand is a decision: re-planning keeps it.
        await row.update(
          { startAt: input.startAt, endAt: localFromMinute(start + duration), status: 'confirmed' },
          { transaction },
        )
        await models.VisitVolunteer.destroy({ where: { visitId: row.id }, transaction })
        await models.VisitVolunteer.bulkCreate(
          input.volunteerIds.map((volunteerId) => ({ visitId: row.id, volunteerId })),
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'move',
            entity: 'visit',
            entityId: row.id,
            before,
            after: {
              startAt: input.startAt,
              volunteerIds: input.volunteerIds,
              overriddenRules: conflicts.map((c) => c.rule),
            },
          },
          transaction,
        )
        return { saved: true, conflicts, visit: await getVisit(row.id, transaction) }
      })
    },

    async confirm(ctx: CallContext, id: number): Promise<VisitDto> {
      return models.sequelize.transaction(async (transaction) => {
        const row = await models.Visit.findByPk(id, { transaction })
        if (!row) throw notFoundError('visit')
        if (row.status !== 'planned')
          throw new AppError('CONFLICT', 'errors.visits.visitClosed', { params: { status: row.status } })
        await row.update({ status: 'confirmed' }, { transaction })
        await audit.record(ctx, { action: 'confirm', entity: 'visit', entityId: id }, transaction)
        return getVisit(id, transaction)
      })
    },
  }
}

function windowOf(row: VisitModel): { windowFrom?: number; windowTo?: number } {
  return row.windowFrom && row.windowTo
    ? { windowFrom: minuteFromLocal(row.windowFrom), windowTo: minuteFromLocal(row.windowTo) }
    : {}
}

export type PlanService = ReturnType<typeof createPlanService>
