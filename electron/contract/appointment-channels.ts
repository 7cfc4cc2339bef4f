/** 送医上门 / 送法上门: visiting doctors' and lawyers' slots and bookings (issue 5). */
import { read, returns, write } from './channel-def'
import type { ProviderDto, SlotDto } from './appointment-dto'
import { appointmentSchemas } from './appointment-schemas'
import { schemas } from './schemas'

export const appointmentChannels = {
  'providers:list': read(schemas.none, 'programmes.read', returns<ProviderDto[]>()),
  'providers:save': write(appointmentSchemas.providerSave, 'programmes.write', returns<ProviderDto>()),
  /** The slots of a period (one provider or all), each with its live booking. */
  'slots:list': read(appointmentSchemas.slotQuery, 'programmes.read', returns<SlotDto[]>()),
  'slots:add': write(appointmentSchemas.slotsAdd, 'programmes.write', returns<SlotDto[]>()),
  /** Removes a free slot; a booked one must be cancelled first. */
  'slots:remove': write(schemas.byId, 'programmes.write', returns<null>()),
  'bookings:book': write(appointmentSchemas.book, 'programmes.write', returns<SlotDto>()),
  'bookings:cancel': write(schemas.byId, 'programmes.write', returns<SlotDto>()),
  /** Done or no-show, with the visitor's note (private to the writer's role) and a follow-up flag. */
  'bookings:outcome': write(appointmentSchemas.outcome, 'programmes.write', returns<SlotDto>()),
}
