import type { DomainHandlers } from '../types'

export const partyHandlers: DomainHandlers<'branches'> & DomainHandlers<'members'> = {
  'branches:list': (_, { services }) => services.organisation.listBranches(),
  'branches:save': (input, { services, call }) => services.organisation.saveBranch(call, input),
  'branches:set-committee': (input, { services, call }) => services.organisation.setCommittee(call, input),
  'branches:save-group': (input, { services, call }) => services.organisation.saveGroup(call, input),
  'branches:archive-group': (input, { services, call }) => services.organisation.archiveGroup(call, input.id),
  'members:list': (input, { services }) => services.organisation.listMembers(input),
  'members:get': (input, { services }) => services.organisation.getMember(input.id),
  'members:create': (input, { services, call }) => services.organisation.createMember(call, input),
  'members:update': (input, { services, call }) =>
    services.organisation.updateMember(call, input.id, input.data, input.expectedUpdatedAt),
  'members:change': (input, { services, call }) => services.organisation.changeMember(call, input),
}
