import type { DomainHandlers } from '../types'

export const meetingHandlers: DomainHandlers<'meetings'> & DomainHandlers<'compliance'> = {
  'meetings:list': (input, { services }) => services.meetings.list(input),
  'meetings:get': (input, { services }) => services.meetings.get(input.id),
  'meetings:create': (input, { services, call }) => services.meetings.create(call, input),
  'meetings:update': (input, { services, call }) =>
    services.meetings.update(call, input.id, input.data, input.expectedUpdatedAt),
  'meetings:finalise': (input, { services, call }) => services.meetings.finalise(call, input.id),
  'meetings:amend': (input, { services, call }) => services.meetings.amend(call, input.id, input.text),
  'meetings:discard': (input, { services, call }) => services.meetings.discard(call, input.id),
  'meetings:follow-up-done': (input, { services, call }) => services.meetings.followUpDone(call, input),
  'meetings:attach': (input, { services, call }) => services.meetings.attach(call, input),
  'meetings:attachment': (input, { services }) => services.meetings.attachment(input.id),
  'meetings:remove-attachment': (input, { services, call }) => services.meetings.removeAttachment(call, input.id),
  'meetings:make-notice': (input, { services, call }) => services.meetings.makeNotice(call, input.id),
  'compliance:matrix': (input, { services }) => services.compliance.matrix(input),
  'compliance:requirements': (input, { services }) => services.compliance.requirements(input),
  'compliance:set-requirement': (input, { services, call }) => services.compliance.setRequirement(call, input),
  'compliance:set-exemption': (input, { services, call }) => services.compliance.setExemption(call, input),
  'compliance:attendance': (input, { services }) => services.compliance.attendance(input),
}
