/**
 * One person's visit history, newest first: when, who went, what became of it, how long, and
 * whether a follow-up was raised. What was found (health, living conditions, needs) is sensitive
 * (个人信息保护法: health): the history says only that findings exist. Their text comes one visit at
 * a time, on request (`findingsOf`), to an account that may see sensitive details
 * (`residents.unmask`) and whose grid scope holds the person; each such reading is audited, like
 * any other unmask. Masked by default, so a clerk checking last week's date at a shared counter
 * puts nobody's health on screen. The dates and volunteers stay visible station-wide: the
 * coordinator plans across grids.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitLogModel } from '../../../database/models/visits'
import { AppError, notFoundError } from '../../contract/errors'
import { roleHas } from '../../contract/permissions'
import type { VisitFindingsDto, VisitHistoryEntryDto } from '../../contract/visit-dto'
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

      return visits.map((v): VisitHistoryEntryDto => {
        const log = logs.get(v.id)
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
          hasFindings: !!(log && (log.health || log.living || log.needs)),
        }
      })
    },

    /** One visit's findings in full: refused without the permission, unknown outside the account's grids. */
    async findingsOf(ctx: CallContext, visitId: number): Promise<VisitFindingsDto> {
      if (!mayReadFindings(ctx)) throw new AppError('FORBIDDEN', 'errors.forbidden')
      const visit = await models.Visit.findByPk(visitId, { attributes: ['id', 'personId'] })
      const person = visit && (await models.VisitPerson.findByPk(visit.personId, { attributes: ['id', 'residentId'] }))
      if (!visit || !person || !(await gridScope.residentVisible(ctx.actor, person.residentId)))
        throw notFoundError('visit')
      const log = await models.VisitLog.findOne({ where: { visitId }, order: [['id', 'DESC']] })
      const findings = { health: log?.health ?? null, living: log?.living ?? null, needs: log?.needs ?? null }
      // Only a reading that shows something is an unmask worth recording.
      if (findings.health || findings.living || findings.needs)
        await audit.record(ctx, {
          action: 'reveal',
          entity: 'visitPerson.findings',
          entityId: person.id,
          after: { visitId },
        })
      return findings
    },
  }
}

export type HistoryService = ReturnType<typeof createHistoryService>
