import { z } from 'zod'
import { BOOKING_PLACES, PROVIDER_KINDS } from './appointment-dto'
import { isoDate, optionalText, requiredText, schemas } from './schemas'

const id = schemas.byId.shape.id
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.appointments.time' })

export const appointmentSchemas = {
  providerSave: z.object({
    id: id.optional(),
    kind: z.enum(PROVIDER_KINDS),
    name: requiredText(40),
    organisation: optionalText(80),
    phone: optionalText(20),
  }),
  /** Slots of `minutes` each from `from`, `count` of them, on one day. */
  slotsAdd: z.object({
    providerId: id,
    date: isoDate,
    from: hhmm,
    minutes: z
      .number()
      .int()
      .min(10, { error: 'validation.appointments.minutes' })
      .max(240, { error: 'validation.appointments.minutes' }),
    count: z
      .number()
      .int()
      .min(1, { error: 'validation.appointments.count' })
      .max(20, { error: 'validation.appointments.count' }),
  }),
  slotQuery: z.object({
    providerId: id.optional(),
    from: isoDate,
    to: isoDate,
  }),
  book: z.object({
    slotId: id,
    residentId: id,
    place: z.enum(BOOKING_PLACES),
    reason: optionalText(200),
  }),
  outcome: z.object({
    id,
    status: z.enum(['done', 'noShow']),
    outcome: optionalText(1000),
    followUp: z.boolean().default(false),
    expectedUpdatedAt: z.string().max(40).optional(),
  }),
}

export type SlotsAdd = z.output<typeof appointmentSchemas.slotsAdd>
export type SlotQuery = z.output<typeof appointmentSchemas.slotQuery>
export type BookInput = z.output<typeof appointmentSchemas.book>
export type OutcomeInput = z.output<typeof appointmentSchemas.outcome>
export type ProviderSave = z.output<typeof appointmentSchemas.providerSave>
