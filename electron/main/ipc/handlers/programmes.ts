import type { DomainHandlers } from '../types'

/** Service programmes (issue 5). Add a prefix to the type when a new family of channels appears. */
export const programmeHandlers: DomainHandlers<'programmes'> &
  DomainHandlers<'sessions'> &
  DomainHandlers<'enrolments'> &
  DomainHandlers<'appointments'> = {
  'programmes:list': (input, { services }) => services.programmes.programmes.list(input),
  'programmes:get': (input, { services }) => services.programmes.programmes.get(input.id),
  'programmes:save': (input, { services, call }) => services.programmes.programmes.save(call, input),
  'programmes:archive': (input, { services, call }) => services.programmes.programmes.archive(call, input.id),
  'programmes:follow-ups': (input, { services }) => services.programmes.attendance.followUps(input.programmeId),
  'programmes:month': (input, { services }) => services.programmes.attendance.month(input.programmeId, input.month),
  'sessions:add': (input, { services, call }) => services.programmes.programmes.addSession(call, input),
  'sessions:cancel': (input, { services, call }) =>
    services.programmes.programmes.cancelSession(call, input.id, input.reason),
  'sessions:roster': (input, { services }) => services.programmes.attendance.roster(input.id, input.q),
  'sessions:mark': (input, { services, call }) => services.programmes.attendance.mark(call, input),
  'sessions:sign-out': (input, { services, call }) => services.programmes.attendance.signOut(call, input),
  'enrolments:add': (input, { services, call }) => services.programmes.enrolments.enrol(call, input),
  'enrolments:update': (input, { services, call }) => services.programmes.enrolments.update(call, input),
  'enrolments:leave': (input, { services, call }) => services.programmes.enrolments.leave(call, input.id, input.reason),
  'enrolments:reveal': (input, { services, call }) => services.programmes.enrolments.reveal(call, input.id),
}
