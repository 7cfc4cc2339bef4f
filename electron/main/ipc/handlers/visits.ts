import type { DomainHandlers } from '../types'

/** Volunteers and elderly-care visits (issue 7). Add a prefix to the type when a new family of channels appears. */
export const visitHandlers: DomainHandlers<'volunteers'> &
  DomainHandlers<'visit-people'> &
  DomainHandlers<'visit-plans'> &
  DomainHandlers<'visits'> &
  DomainHandlers<'points'> = {
  'volunteers:list': (input, { services }) => services.visits.volunteers.list(input),
  'volunteers:get': (input, { services }) => services.visits.volunteers.get(input.id),
  'volunteers:create': (input, { services, call }) => services.visits.volunteers.create(call, input),
  'volunteers:update': (input, { services, call }) => services.visits.volunteers.update(call, input.id, input.data),
  'volunteers:records': (input, { services }) => services.visits.volunteers.serviceRecords(input.id),
  'volunteers:add-record': (input, { services, call }) => services.visits.volunteers.addServiceRecord(call, input),

  'visit-people:list': (input, { services }) => services.visits.people.list(input),
  'visit-people:get': (input, { services }) => services.visits.people.get(input.id),
  'visit-people:create': (input, { services, call }) => services.visits.people.create(call, input),
  'visit-people:update': (input, { services, call }) => services.visits.people.update(call, input.id, input.data),
  'visit-people:risk-notes': (input, { services, call }) => services.visits.people.revealRiskNotes(call, input.id),
  'visit-people:major-change': (input, { services, call }) => services.visits.people.recordMajorChange(call, input),
  'visit-people:history': (input, { services, call }) => services.visits.history.ofPerson(call, input.id),
  'visit-people:findings': (input, { services, call }) => services.visits.history.findingsOf(call, input.id),

  'visit-plans:rules': (_, { services }) => services.visits.rules.get(),
  'visit-plans:set-rules': (input, { services, call }) => services.visits.rules.set(call, input),
  'visit-plans:generate': (input, { services, call }) => services.visits.plans.generate(call, input),
  'visit-plans:list': (input, { services }) => services.visits.plans.list(input),
  'visit-plans:move': (input, { services, call }) => services.visits.plans.move(call, input),
  'visit-plans:confirm': (input, { services, call }) => services.visits.plans.confirm(call, input.id),

  'visits:get': (input, { services }) => services.visits.plans.getVisit(input.id),
  'visits:log': (input, { services, call }) => services.visits.logs.log(call, input),
  'visits:follow-ups': (_, { services }) => services.visits.logs.openFollowUps(),
  'visits:close-follow-up': (input, { services, call }) =>
    services.visits.logs.closeFollowUp(call, input.id, input.note),

  'points:account': (input, { services }) => services.visits.points.account(input.id),
  'points:redeem': (input, { services, call }) => services.visits.points.redeem(call, input),
  'points:adjust': (input, { services, call }) => services.visits.points.adjust(call, input),
  'points:catalogue': (_, { services }) => services.visits.points.catalogue(),
  'points:save-item': (input, { services, call }) => services.visits.points.saveItem(call, input),
}
