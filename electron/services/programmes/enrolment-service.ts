/**
 * Enrolment: eligibility (an override needs a reason, kept with the enrolment), the waiting list
 * when full, contacts (guardians, pick-up people) and health notes. Health notes and phone numbers
 * leave main masked; `reveal` returns them in full after writing an audit row, as residents:reveal
 * does. Leaving keeps the enrolment, its attendance and its contacts: the history stays.
 */
import { Op, type Transaction } from 'sequelize'
import type { EnrolmentModel } from '../../../database/models/programmes'
import { AppError, notFoundError } from '../../contract/errors'
import type { EnrolmentDto, EnrolmentResultDto, EnrolmentRevealDto } from '../../contract/programme-dto'
import type { ContactInput, EnrolInput, EnrolmentUpdate } from '../../contract/programme-schemas'
import { shanghaiToday } from '../../contract/rules/dates'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'
import { eligibilityProblems } from './eligibility'
import { enrolmentDto, moveDto, parseIds } from './programme-views'
import { ACTIVE, promoteWaiting, waitingPositions } from './waiting-list'

export function createEnrolmentService(deps: ModuleDeps) {
  const { models, sequelize, audit } = deps

  async function findEnrolment(id: number, transaction?: Transaction): Promise<EnrolmentModel> {
    const e = await models.Enrolment.findByPk(id, { transaction })
    if (!e) throw new AppError('NOT_FOUND', 'errors.programmes.enrolmentNotFound')
    return e
  }

  async function dto(id: number): Promise<EnrolmentDto> {
    const e = await findEnrolment(id)
    const r = await models.Resident.findByPk(e.residentId)
    const contacts = await models.ProgrammeContact.findAll({
      where: { enrolmentId: id },
      order: [
        ['sort', 'ASC'],
        ['id', 'ASC'],
      ],
    })
    const positions = await waitingPositions(models, e.programmeId)
    return enrolmentDto(e, r!, contacts, shanghaiToday(deps.now()), positions.get(e.id) ?? null)
  }

  /** Replaces the contacts; a phone still showing its mask keeps the stored number. */
  async function writeContacts(enrolmentId: number, contacts: ContactInput[], transaction: Transaction) {
    const old = new Map(
      (await models.ProgrammeContact.findAll({ where: { enrolmentId }, transaction })).map((c) => [c.id, c]),
    )
    await models.ProgrammeContact.destroy({ where: { enrolmentId }, transaction })
    await models.ProgrammeContact.bulkCreate(
      contacts.map((c, i) => ({
        enrolmentId,
        sort: i + 1,
        name: c.name,
        relation: c.relation,
        phone: c.phone?.includes('*') && c.id !== undefined ? (old.get(c.id)?.phone ?? null) : c.phone,
        guardian: c.guardian,
        canPickUp: c.canPickUp,
      })),
      { transaction },
    )
  }

  async function namesOf(enrolments: EnrolmentModel[]): Promise<Map<number, string>> {
    const rows = await models.Resident.findAll({
      where: { id: { [Op.in]: enrolments.map((e) => e.residentId) } },
      attributes: ['id', 'name'],
    })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  return {
    async enrol(ctx: CallContext, input: EnrolInput): Promise<EnrolmentResultDto> {
      const at = deps.now()
      const today = shanghaiToday(at)
      const id = await sequelize.transaction(async (transaction) => {
        const p = await models.Programme.findByPk(input.programmeId, { transaction })
        if (!p) throw new AppError('NOT_FOUND', 'errors.programmes.programmeNotFound')
        if (p.archivedAt) throw new AppError('CONFLICT', 'errors.programmes.archived')
        const r = await models.Resident.findByPk(input.residentId, { transaction })
        if (!r || r.archivedAt) throw notFoundError('resident')
        const already = await models.Enrolment.findOne({
          where: { programmeId: p.id, residentId: r.id, status: ACTIVE },
          transaction,
        })
        if (already)
          throw new AppError('CONFLICT', 'errors.programmes.alreadyEnrolled', {
            params: { name: r.name, status: already.status },
          })
        const requiredIds = parseIds(p.requiredTagIds)
        const requiredTags = (await models.Tag.findAll({ where: { id: { [Op.in]: requiredIds } }, transaction })).map(
          (t) => ({ id: t.id, name: t.name }),
        )
        const held = (await models.ResidentTag.findAll({ where: { residentId: r.id }, transaction })).map(
          (t) => t.tagId,
        )
        const problems = eligibilityProblems(
          { ageMin: p.ageMin, ageMax: p.ageMax, requiredTags },
          { birthDate: r.birthDate, tagIds: held },
          today,
        )
        if (problems.length > 0 && !input.overrideReason)
          throw new AppError('VALIDATION', 'errors.programmes.notEligible', { fields: problems })
        const enrolled = await models.Enrolment.count({ where: { programmeId: p.id, status: 'enrolled' }, transaction })
        const status = enrolled < p.capacity ? 'enrolled' : 'waiting'
        const e = await models.Enrolment.create(
          {
            programmeId: p.id,
            residentId: r.id,
            status,
            requestedAt: at,
            enrolledAt: status === 'enrolled' ? at : null,
            overrideReason: problems.length > 0 ? input.overrideReason : null,
            allergies: input.allergies,
            medication: input.medication,
            notes: input.notes,
            createdAt: at,
            updatedAt: at,
          },
          { transaction },
        )
        await writeContacts(e.id, input.contacts, transaction)
        // Health notes stay out of the audit: it is read by more people than the notes are for.
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'enrolment',
            entityId: e.id,
            after: {
              programmeId: p.id,
              residentId: r.id,
              status,
              overrideReason: e.overrideReason,
              problems: problems.map((f) => f.message),
              contacts: input.contacts.length,
            },
          },
          transaction,
        )
        return e.id
      })
      return { enrolment: await dto(id), moved: [] }
    },

    async update(ctx: CallContext, input: EnrolmentUpdate): Promise<EnrolmentDto> {
      await sequelize.transaction(async (transaction) => {
        const e = await findEnrolment(input.id, transaction)
        await e.update(
          {
            notes: input.notes,
            ...(input.healthChanged ? { allergies: input.allergies, medication: input.medication } : {}),
          },
          { transaction },
        )
        await writeContacts(e.id, input.contacts, transaction)
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'enrolment',
            entityId: e.id,
            after: {
              contacts: input.contacts.map((c) => `${c.name}（${c.relation}）`),
              healthChanged: input.healthChanged,
            },
          },
          transaction,
        )
      })
      return dto(input.id)
    },

    /** Leaves the programme (or the waiting list); a freed place goes to the first person waiting. */
    async leave(ctx: CallContext, id: number, reason: string | null): Promise<EnrolmentResultDto> {
      const at = deps.now()
      const moved = await sequelize.transaction(async (transaction) => {
        const e = await findEnrolment(id, transaction)
        if (e.status === 'left') throw new AppError('CONFLICT', 'errors.programmes.alreadyLeft')
        const was = e.status
        await e.update({ status: 'left', leftAt: at, leftReason: reason }, { transaction })
        await audit.record(
          ctx,
          { action: 'leave', entity: 'enrolment', entityId: id, before: { status: was }, after: { reason } },
          transaction,
        )
        if (was !== 'enrolled') return []
        const p = await models.Programme.findByPk(e.programmeId, { transaction })
        return promoteWaiting(deps, ctx, p!, at, transaction)
      })
      const names = await namesOf(moved)
      return {
        enrolment: await dto(id),
        moved: moved.map((e) => moveDto(e, names.get(e.residentId) ?? '')),
      }
    },

    async reveal(ctx: CallContext, id: number): Promise<EnrolmentRevealDto> {
      const e = await findEnrolment(id)
      const contacts = await models.ProgrammeContact.findAll({ where: { enrolmentId: id } })
      await audit.record(ctx, {
        action: 'reveal',
        entity: 'enrolment',
        entityId: id,
        after: { fields: ['allergies', 'medication', 'contactPhones'] },
      })
      return {
        allergies: e.allergies,
        medication: e.medication,
        contacts: contacts.map((c) => ({ id: c.id, phone: c.phone })),
      }
    },
  }
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>
