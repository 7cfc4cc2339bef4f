/**
 * The waiting list: first asked, first moved in. Run inside the transaction that freed a place
 * (someone left, the capacity rose), so two counters can never fill the same place twice.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { EnrolmentModel, ProgrammeModel } from '../../../database/models/programmes'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'

export async function promoteWaiting(
  deps: { models: Models; audit: AuditService },
  ctx: CallContext,
  programme: ProgrammeModel,
  at: Date,
  transaction: Transaction,
): Promise<EnrolmentModel[]> {
  const { models, audit } = deps
  const enrolled = await models.Enrolment.count({
    where: { programmeId: programme.id, status: 'enrolled' },
    transaction,
  })
  const free = programme.capacity - enrolled
  if (free <= 0) return []
  const next = await models.Enrolment.findAll({
    where: { programmeId: programme.id, status: 'waiting' },
    order: [
      ['requestedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: free,
    transaction,
  })
  for (const e of next) {
    await e.update({ status: 'enrolled', enrolledAt: at, promotedAt: at }, { transaction })
    await audit.record(
      ctx,
      { action: 'promote', entity: 'enrolment', entityId: e.id, after: { programmeId: programme.id } },
      transaction,
    )
  }
  return next
}

/** 1-based places on the waiting list, by enrolment id. */
export async function waitingPositions(models: Models, programmeId: number, transaction?: Transaction) {
  const rows = await models.Enrolment.findAll({
    where: { programmeId, status: 'waiting' },
    order: [
      ['requestedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    attributes: ['id'],
    transaction,
  })
  return new Map(rows.map((r, i) => [r.id, i + 1]))
}

export const ACTIVE = { [Op.in]: ['enrolled', 'waiting'] }
