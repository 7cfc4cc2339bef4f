/**
 * Visit logs: a visit is done, missed or moved; what was found (health, living conditions, needs);
 * a follow-up item with an owner and due date when something needs doing. A visit done earns its
 * volunteers service hours and points by the station's rules (per hour, a high-risk bonus).
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import { AppError } from '../../contract/errors'
import { shanghaiToday } from '../../contract/rules/dates'
import type { VisitFollowUpDto, VisitLogDto } from '../../contract/visit-dto'
import type { VisitLogInput } from '../../contract/visit-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { volunteersOf } from './planner-input'
import { appendEntry } from './points-service'
import { lookupResidents } from './residents-lookup'
import { readVisitRules } from './visit-rules'
import { notFoundError } from '../../contract/errors'

interface Deps {
  models: Models
  audit: AuditService
  now: () => Date
}

export function createLogService({ models, audit, now }: Deps) {
  return {
    async log(ctx: CallContext, input: VisitLogInput): Promise<VisitLogDto> {
      return models.sequelize.transaction(async (transaction) => {
        const visit = await models.Visit.findByPk(input.visitId, { transaction })
        if (!visit) throw notFoundError('visit')
        if (visit.status !== 'planned' && visit.status !== 'confirmed')
          throw new AppError('CONFLICT', 'errors.visits.visitClosed', { params: { status: visit.status } })
        const person = await models.VisitPerson.findByPk(visit.personId, { transaction })
        const rules = await readVisitRules(models, transaction)
        const at = now()
        const log = await models.VisitLog.create(
          {
            visitId: visit.id,
            outcome: input.outcome,
            durationMinutes: input.durationMinutes,
            health: input.health,
            living: input.living,
            needs: input.needs,
            loggedAt: at,
            accountId: ctx.actor?.accountId ?? null,
          },
          { transaction },
        )
        await visit.update({ status: input.outcome }, { transaction })

        let pointsEarned = 0
        if (input.outcome === 'done') {
          const minutes = input.durationMinutes ?? rules.durationMinutes
          const hours = Math.round((minutes / 60) * 100) / 100
          pointsEarned = Math.round(hours * rules.pointsPerHour) + (person?.tier === 'high' ? rules.highRiskBonus : 0)
          const date = visit.startAt.slice(0, 10)
          for (const volunteerId of (await volunteersOf(models, [visit.id], transaction)).get(visit.id) ?? []) {
            await models.ServiceRecord.create(
              {
                volunteerId,
                kind: 'visit',
                date,
                hours,
                title: 'visit',
                visitId: visit.id,
                createdAt: at,
                accountId: ctx.actor?.accountId ?? null,
              },
              { transaction },
            )
            if (pointsEarned > 0)
              await appendEntry(
                models,
                ctx,
                at,
                { volunteerId, kind: 'earned', points: pointsEarned, reason: 'visit', visitId: visit.id },
                transaction,
              )
          }
        }

        let followUpId: number | null = null
        if (input.followUp) {
          const f = await models.VisitFollowUp.create(
            {
              visitId: visit.id,
              personId: visit.personId,
              text: input.followUp.text,
              ownerAccountId: input.followUp.ownerAccountId,
              dueDate: input.followUp.dueDate,
            },
            { transaction },
          )
          followUpId = f.id
        }
        // Findings may be sensitive (health): the audit keeps the outcome, not the text.
        await audit.record(
          ctx,
          {
            action: 'log',
            entity: 'visit',
            entityId: visit.id,
            after: { outcome: input.outcome, durationMinutes: input.durationMinutes, followUpId, pointsEarned },
          },
          transaction,
        )
        return {
          id: log.id,
          visitId: visit.id,
          outcome: input.outcome,
          durationMinutes: input.durationMinutes,
          health: input.health,
          living: input.living,
          needs: input.needs,
          loggedAt: at.toISOString(),
          followUpId,
          pointsEarned,
        }
      })
    },

    /** Open follow-ups, oldest due first: what the staff's home page shows until closed. */
    async openFollowUps(query: { ownerAccountId?: number } = {}): Promise<VisitFollowUpDto[]> {
      const rows = await models.VisitFollowUp.findAll({
        where: {
          closedAt: { [Op.is]: null },
          ...(query.ownerAccountId ? { ownerAccountId: query.ownerAccountId } : {}),
        },
        order: [
          ['dueDate', 'ASC'],
          ['id', 'ASC'],
        ],
      })
      const people = await models.VisitPerson.findAll({ where: { id: { [Op.in]: rows.map((r) => r.personId) } } })
      const info = await lookupResidents(
        models,
        people.map((p) => p.residentId),
      )
      const name = new Map(people.map((p) => [p.id, info.get(p.residentId)?.name ?? '']))
      const ownerIds = rows.flatMap((r) => (r.ownerAccountId ? [r.ownerAccountId] : []))
      const owners = await models.Account.findAll({ where: { id: { [Op.in]: ownerIds } } })
      const ownerName = new Map(owners.map((a) => [a.id, a.displayName]))
      const visits = await models.Visit.findAll({ where: { id: { [Op.in]: rows.map((r) => r.visitId) } } })
      const visitStart = new Map(visits.map((v) => [v.id, v.startAt]))
      return rows.map((r) => ({
        id: r.id,
        visitId: r.visitId,
        personId: r.personId,
        personName: name.get(r.personId) ?? '',
        text: r.text,
        ownerAccountId: r.ownerAccountId,
        ownerName: r.ownerAccountId ? (ownerName.get(r.ownerAccountId) ?? null) : null,
        visitStartAt: visitStart.get(r.visitId) ?? '',
        dueDate: r.dueDate,
        closedAt: null,
      }))
    },

    async closeFollowUp(ctx: CallContext, id: number, note: string | null): Promise<null> {
      return models.sequelize.transaction(async (transaction) => {
        const row = await models.VisitFollowUp.findByPk(id, { transaction })
        if (!row) throw notFoundError('followUp')
        if (row.closedAt) return null
        await row.update({ closedAt: now(), closedNote: note }, { transaction })
        await audit.record(
          ctx,
          { action: 'close', entity: 'visitFollowUp', entityId: id, after: { closedOn: shanghaiToday(now()) } },
          transaction,
        )
        return null
      })
    },
  }
}

export type LogService = ReturnType<typeof createLogService>
