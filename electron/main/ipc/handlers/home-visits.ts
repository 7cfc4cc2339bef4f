import type { DomainHandlers } from '../types'

/** 送医上门 / 送法上门: visiting doctors' and lawyers' slots and bookings (issue 5). */
export const homeVisitHandlers: DomainHandlers<'providers'> & DomainHandlers<'slots'> & DomainHandlers<'bookings'> = {
  'providers:list': (_, { services }) => services.homeVisits.listProviders(),
  'providers:save': (input, { services, call }) => services.homeVisits.saveProvider(call, input),
  'slots:list': (input, { services, call }) => services.homeVisits.listSlots(call, input),
  'slots:add': (input, { services, call }) => services.homeVisits.addSlots(call, input),
  'slots:remove': (input, { services, call }) => services.homeVisits.removeSlot(call, input.id),
  'bookings:book': (input, { services, call }) => services.homeVisits.book(call, input),
  'bookings:cancel': (input, { services, call }) => services.homeVisits.cancel(call, input.id),
  'bookings:outcome': (input, { services, call }) => services.homeVisits.recordOutcome(call, input),
}
