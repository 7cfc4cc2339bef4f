/**
 * 送医上门 / 送法上门 (issue 5): visiting doctors and lawyers offer slots; a resident is booked into
 * one, at home or at the station. The visitor's outcome note is private to the role that wrote
 * it (a doctor's note is not for the volunteer coordinator): other roles see that a note exists,
 * never its text, and the audit records that one was written, not what it says.
 */
import { Op, UniqueConstraintError } from 'sequelize'
import type { VisitBookingModel, VisitProviderModel, VisitSlotModel } from '../../../database/models/home-visits'
import type { BookingDto, ProviderDto, SlotDto } from '../../contract/appointment-dto'
import type { BookInput, OutcomeInput, ProviderSave, SlotQuery, SlotsAdd } from '../../contract/appointment-schemas'
import { AppError, notFoundError } from '../../contract/errors'
import { addLocalMinutes, shanghaiDateTime } from '../../contract/rules/dates'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'

const iso = (d: Date) => d.toISOString()

export function overlaps(a: { startAt: string; endAt: string }, b: { startAt: string; endAt: string }): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt
}

export function createHomeVisitService(deps: ModuleDeps) {
  const { models, sequelize, audit } = deps
  const nowLocal = () => shanghaiDateTime(deps.now()).replace(' ', 'T')

  function providerDto(p: VisitProviderModel): ProviderDto {
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      organisation: p.organisation,
      phone: p.phone,
      archived: p.archivedAt !== null,
    }
  }

  async function slotDtos(ctx: CallContext, slots: VisitSlotModel[]): Promise<SlotDto[]> {
    if (slots.length === 0) return []
    const providers = new Map(
      (
        await models.VisitProvider.findAll({ where: { id: { [Op.in]: [...new Set(slots.map((s) => s.providerId))] } } })
      ).map((p) => [p.id, p]),
    )
    const bookings = await models.VisitBooking.findAll({
      where: { slotId: { [Op.in]: slots.map((s) => s.id) }, status: { [Op.ne]: 'cancelled' } },
    })
    const residents = new Map<number, { name: string; address: string | null }>()
    for (const b of bookings) {
      if (residents.has(b.residentId)) continue
      const r = await models.Resident.findByPk(b.residentId, { attributes: ['id', 'name', 'householdId'] })
      const household = r?.householdId
        ? await models.Household.findByPk(r.householdId, { attributes: ['placeId'] })
        : null
      residents.set(b.residentId, {
        name: r?.name ?? '',
        address: household ? await deps.places.addressOf(household.placeId) : null,
      })
    }
    const accounts = new Map(
      (
        await models.Account.findAll({
          where: { id: { [Op.in]: bookings.map((b) => b.outcomeBy).filter((x): x is number => x !== null) } },
        })
      ).map((a) => [a.id, a.displayName]),
    )
    const bySlot = new Map(bookings.map((b) => [b.slotId, b]))
    return slots.map((s) => {
      const p = providers.get(s.providerId)
      const b = bySlot.get(s.id)
      return {
        id: s.id,
        providerId: s.providerId,
        providerName: p?.name ?? '',
        providerKind: p?.kind ?? 'doctor',
        startAt: s.startAt,
        endAt: s.endAt,
        booking: b ? bookingDto(ctx, b, residents.get(b.residentId), accounts) : null,
      }
    })
  }

  function bookingDto(
    ctx: CallContext,
    b: VisitBookingModel,
    resident: { name: string; address: string | null } | undefined,
    accounts: Map<number, string>,
  ): BookingDto {
    const mayRead = b.outcome !== null && ctx.actor !== null && ctx.actor.role === b.outcomeRole
    return {
      id: b.id,
      slotId: b.slotId,
      residentId: b.residentId,
      residentName: resident?.name ?? '',
      place: b.place,
      address: b.place === 'home' ? (resident?.address ?? null) : null,
      reason: b.reason,
      status: b.status,
      followUp: b.followUp,
      outcome: mayRead ? b.outcome : null,
      noteHidden: b.outcome !== null && !mayRead,
      outcomeBy: b.outcomeBy ? (accounts.get(b.outcomeBy) ?? null) : null,
      updatedAt: iso(b.updatedAt),
    }
  }

  async function slotById(ctx: CallContext, id: number): Promise<SlotDto> {
    const slot = await models.VisitSlot.findByPk(id)
    if (!slot) throw notFoundError('slot')
    return (await slotDtos(ctx, [slot]))[0]!
  }

  return {
    async listProviders(): Promise<ProviderDto[]> {
      const rows = await models.VisitProvider.findAll({
        order: [
          ['kind', 'ASC'],
          ['name', 'ASC'],
        ],
      })
      return rows.map(providerDto)
    },

    async saveProvider(ctx: CallContext, input: ProviderSave): Promise<ProviderDto> {
      return sequelize.transaction(async (transaction) => {
        const data = {
          kind: input.kind,
          name: input.name,
          organisation: input.organisation ?? null,
          phone: input.phone ?? null,
        }
        if (input.id === undefined) {
          const p = await models.VisitProvider.create(data, { transaction })
          await audit.record(
            ctx,
            { action: 'create', entity: 'visit-provider', entityId: p.id, after: data },
            transaction,
          )
          return providerDto(p)
        }
        const p = await models.VisitProvider.findByPk(input.id, { transaction })
        if (!p) throw notFoundError('provider')
        const before = providerDto(p)
        await p.update(data, { transaction })
        await audit.record(
          ctx,
          { action: 'update', entity: 'visit-provider', entityId: p.id, before, after: data },
          transaction,
        )
        return providerDto(p)
      })
    },

    async listSlots(ctx: CallContext, query: SlotQuery): Promise<SlotDto[]> {
      const slots = await models.VisitSlot.findAll({
        where: {
          startAt: { [Op.gte]: `${query.from}T00:00`, [Op.lte]: `${query.to}T23:59` },
          ...(query.providerId ? { providerId: query.providerId } : {}),
        },
        order: [
          ['startAt', 'ASC'],
          ['providerId', 'ASC'],
        ],
      })
      return slotDtos(ctx, slots)
    },

    /** `count` slots of `minutes` from `from`; refused if any overlaps one the provider already offers. */
    async addSlots(ctx: CallContext, input: SlotsAdd): Promise<SlotDto[]> {
      if (input.date < nowLocal().slice(0, 10)) throw new AppError('VALIDATION', 'errors.appointments.past')
      const fresh = Array.from({ length: input.count }, (_, i) => ({
        startAt: addLocalMinutes(input.date, input.from, i * input.minutes),
        endAt: addLocalMinutes(input.date, input.from, (i + 1) * input.minutes),
      }))
      if (fresh[fresh.length - 1]!.endAt.slice(0, 10) !== input.date)
        throw new AppError('VALIDATION', 'errors.appointments.pastMidnight')
      const created = await sequelize.transaction(async (transaction) => {
        const provider = await models.VisitProvider.findByPk(input.providerId, { transaction })
        if (!provider) throw notFoundError('provider')
        const sameDay = await models.VisitSlot.findAll({
          where: {
            providerId: provider.id,
            startAt: { [Op.gte]: `${input.date}T00:00`, [Op.lte]: `${input.date}T23:59` },
          },
          transaction,
        })
        const clash = sameDay.find((s) => fresh.some((f) => overlaps(s, f)))
        if (clash)
          throw new AppError('CONFLICT', 'errors.appointments.overlap', {
            params: { time: `${clash.startAt.slice(11)}–${clash.endAt.slice(11)}` },
          })
        const rows = await models.VisitSlot.bulkCreate(
          fresh.map((f) => ({ providerId: provider.id, ...f })),
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'visit-slots',
            entityId: provider.id,
            after: { date: input.date, from: input.from, minutes: input.minutes, count: input.count },
          },
          transaction,
        )
        return rows
      })
      return slotDtos(ctx, created)
    },

    async removeSlot(ctx: CallContext, id: number): Promise<null> {
      await sequelize.transaction(async (transaction) => {
        const slot = await models.VisitSlot.findByPk(id, { transaction })
        if (!slot) throw notFoundError('slot')
        const any = await models.VisitBooking.count({ where: { slotId: id }, transaction })
        // A slot with any booking, even cancelled, is history: it stays.
        if (any > 0) throw new AppError('CONFLICT', 'errors.appointments.slotHasBooking')
        await slot.destroy({ transaction })
        await audit.record(
          ctx,
          { action: 'delete', entity: 'visit-slot', entityId: id, before: { startAt: slot.startAt } },
          transaction,
        )
      })
      return null
    },

    async book(ctx: CallContext, input: BookInput): Promise<SlotDto> {
      // The resident must be one this account may see (grid scope): the same check as opening the file.
      const resident = await deps.residents.get(input.residentId, ctx.actor)
      if (resident.archived) throw new AppError('VALIDATION', 'errors.appointments.archivedResident')
      if (input.place === 'home' && !resident.address)
        throw new AppError('VALIDATION', 'errors.appointments.noAddress', { params: { name: resident.name } })
      try {
        await sequelize.transaction(async (transaction) => {
          const slot = await models.VisitSlot.findByPk(input.slotId, { transaction })
          if (!slot) throw notFoundError('slot')
          if (slot.startAt <= nowLocal()) throw new AppError('VALIDATION', 'errors.appointments.past')
          const live = await models.VisitBooking.findOne({
            where: { slotId: slot.id, status: { [Op.ne]: 'cancelled' } },
            transaction,
          })
          if (live) throw new AppError('CONFLICT', 'errors.appointments.taken')
          // The same person cannot be in two places at once: their other live bookings that day.
          const theirs = await models.VisitBooking.findAll({
            where: { residentId: resident.id, status: 'booked' },
            transaction,
          })
          if (theirs.length) {
            const slots = await models.VisitSlot.findAll({
              where: { id: { [Op.in]: theirs.map((b) => b.slotId) } },
              transaction,
            })
            const clash = slots.find((s) => overlaps(s, slot))
            if (clash)
              throw new AppError('CONFLICT', 'errors.appointments.residentBusy', {
                params: { name: resident.name, time: clash.startAt.replace('T', ' ') },
              })
          }
          const b = await models.VisitBooking.create(
            { slotId: slot.id, residentId: resident.id, place: input.place, reason: input.reason ?? null },
            { transaction },
          )
          await audit.record(
            ctx,
            {
              action: 'create',
              entity: 'visit-booking',
              entityId: b.id,
              after: { slotId: slot.id, residentId: resident.id, place: input.place },
            },
            transaction,
          )
        })
      } catch (error) {
        // Two counters, one slot: the partial unique index decides, with the same message.
        if (error instanceof UniqueConstraintError) throw new AppError('CONFLICT', 'errors.appointments.taken')
        throw error
      }
      return slotById(ctx, input.slotId)
    },

    async cancel(ctx: CallContext, bookingId: number): Promise<SlotDto> {
      const slotId = await sequelize.transaction(async (transaction) => {
        const b = await models.VisitBooking.findByPk(bookingId, { transaction })
        if (!b) throw notFoundError('booking')
        if (b.status !== 'booked') throw new AppError('CONFLICT', 'errors.appointments.notBooked')
        await b.update({ status: 'cancelled' }, { transaction })
        await audit.record(ctx, { action: 'cancel', entity: 'visit-booking', entityId: b.id }, transaction)
        return b.slotId
      })
      return slotById(ctx, slotId)
    },

    async recordOutcome(ctx: CallContext, input: OutcomeInput): Promise<SlotDto> {
      const slotId = await sequelize.transaction(async (transaction) => {
        const b = await models.VisitBooking.findByPk(input.id, { transaction })
        if (!b) throw notFoundError('booking')
        if (b.status === 'cancelled') throw new AppError('CONFLICT', 'errors.appointments.notBooked')
        if (input.expectedUpdatedAt && iso(b.updatedAt) !== input.expectedUpdatedAt)
          throw new AppError('CONFLICT', 'errors.appointments.staleEdit')
        // A note belongs to the role that wrote it: another role may not read it, so may not replace it.
        if (b.outcome !== null && b.outcomeRole !== ctx.actor?.role)
          throw new AppError('FORBIDDEN', 'errors.appointments.notYourNote')
        const outcome = input.outcome ?? null
        await b.update(
          {
            status: input.status,
            followUp: input.followUp,
            outcome,
            outcomeBy: outcome === null ? null : (ctx.actor?.accountId ?? null),
            outcomeRole: outcome === null ? null : (ctx.actor?.role ?? null),
          },
          { transaction },
        )
        // The audit says a note was written, never what it says.
        await audit.record(
          ctx,
          {
            action: 'outcome',
            entity: 'visit-booking',
            entityId: b.id,
            after: { status: input.status, followUp: input.followUp, note: outcome !== null },
          },
          transaction,
        )
        return b.slotId
      })
      return slotById(ctx, slotId)
    },
  }
}

export type HomeVisitService = ReturnType<typeof createHomeVisitService>
