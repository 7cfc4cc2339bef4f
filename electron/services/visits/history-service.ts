/**
 * One person's visit history, newest first: when, who went, what became of it, how long, and
 * whether a follow-up was raised. What was found (health, living conditions, needs) is sensitive
 * (个人信息保护法: health): every account that reads visits learns that findings exist, but only an
 * account that may see sensitive details (`residents.unmask`) and whose grid scope holds the person
 * gets the text, and that reading is audited like any other unmask. The dates and volunteers stay
 * visible station-wide: the coordinator plans across grids.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitLogModel } from '../../../database/models/visits'
import { notFoundError } from '../../contract/errors'
import { roleHas } from '../../contract/permissions'
import type { VisitHistoryEntryDto } from '../../contract/visit-dto'
import type { AuditService } from '../audit-service'
import type { GridScope } from '../grid-scope'
import type { CallContext } from '../context'
import { volunteersOf } from './planner-input'

interface Deps {
  models: Models
  audit: AuditService
  gridScope: GridScope
}

export function mayReadFindings(ctx: CallContext): boolean {
  return ctx.actor !== null && roleHas(ctx.actor.role, 'residents.unmask')
}

export function createHistoryService({ models, audit, gridScope }: Deps) {
  /** Whether the person's file is inside the account's grids (an account without a scope sees all). */
  async function inScope(ctx: CallContext, residentId: number): Promise<boolean> {
    try {
      await gridScope.assertResident(ctx.actor, residentId)
      return true
    } catch {
      return false
    }
  }

  return {
    async ofPerson(ctx: CallContext, personId: number): Promise<VisitHistoryEntryDto[]> {
      const person = await models.VisitPerson.findByPk(personId, { attributes: ['id', 'residentId'] })
      if (!person) throw notFoundError('visitPerson')
      const visits = await models.Visit.findAll({
        where: { personId },
        order: [
          ['startAt', 'DESC'],
          ['id', 'DESC'],
        ],
      })
      const ids = visits.map((v) => v.id)
      const who = await volunteersOf(models, ids)
      const volunteerIds = [...new Set([...who.values()].flat())]
      const names = new Map(
        (await models.Volunteer.findAll({ where: { id: { [Op.in]: volunteerIds } }, attributes: ['id', 'name'] })).map(
          (v) => [v.id, v.name],
        ),
      )
      // A visit is logged once (a second log is refused); the latest wins should that ever change.
      const logs = new Map<number, VisitLogModel>()
      for (const l of await models.VisitLog.findAll({ where: { visitId: { [Op.in]: ids } }, order: [['id', 'ASC']] }))
        logs.set(l.visitId, l)
      const followUps = new Map<number, { id: number; dueDate: string; closed: boolean }>()
      for (const f of await models.VisitFollowUp.findAll({
        where: { visitId: { [Op.in]: ids } },
        order: [['id', 'ASC']],
      }))
        followUps.set(f.visitId, { id: f.id, dueDate: f.dueDate, closed: f.closedAt !== null })

      const reveal = mayReadFindings(ctx) && (await inScope(ctx, person.residentId))
      let revealed = 0
      const entries = visits.map((v): VisitHistoryEntryDto => {
        const log = logs.get(v.id)
        const hasFindings = !!(log && (log.health || log.living || log.needs))
        if (reveal && hasFindings) revealed++
        return {
          visitId: v.id,
          startAt: v.startAt,
          endAt: v.endAt,
          kind: v.kind,
          status: v.status,
          volunteers: (who.get(v.id) ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
          durationMinutes: log?.durationMinutes ?? null,
          loggedAt: log ? new Date(log.loggedAt).toISOString() : null,
          followUp: followUps.get(v.id) ?? null,
          hasFindings,
          findings: reveal && log && hasFindings ? { health: log.health, living: log.living, needs: log.needs } : null,
        }
      })
      if (revealed > 0)
        await audit.record(ctx, {
          action: 'reveal',
          entity: 'visitPerson.findings',
          entityId: personId,
          after: { visits: revealed },
        })
      return entries
    },
  }
}

export type HistoryService = ReturnType<typeof createHistoryService>
