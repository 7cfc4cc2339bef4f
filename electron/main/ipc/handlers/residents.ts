import { roleHas } from '../../../contract/permissions'
import type { DomainHandlers } from '../types'

export const residentHandlers: DomainHandlers<'residents'> &
  DomainHandlers<'places'> &
  DomainHandlers<'households'> &
  DomainHandlers<'tags'> = {
  'places:tree': (_, { services }) => services.places.tree(),
  'places:create': (input, { services, call }) => services.places.create(call, input),
  'places:update': (input, { services, call }) => services.places.update(call, input),
  'places:archive': (input, { services, call }) => services.places.archive(call, input.id),

  // Households hold residents: outside the account's grid scope they are not there.
  'households:get': async (input, { services, call }) => {
    await services.residents.scope.assertHousehold(call.actor, input.id)
    return services.households.get(input.id)
  },
  'households:list': async (input, { services, call }) =>
    (await services.residents.scope.placeVisible(call.actor, input.placeId))
      ? services.households.list(input.placeId)
      : [],
  'households:create': (input, { services, call }) => services.households.create(call, input.placeId),
  'households:set-head': async (input, { services, call }) => {
    await services.residents.scope.assertHousehold(call.actor, input.householdId)
    return services.households.setHead(call, input.householdId, input.residentId)
  },
  'households:move-member': async (input, { services, call }) => {
    await services.residents.scope.assertResident(call.actor, input.residentId)
    if (input.householdId !== null) await services.residents.scope.assertHousehold(call.actor, input.householdId)
    return services.households.moveMember(call, input)
  },

  'tags:list': (_, { services }) => services.tags.list(),
  'tags:create': (input, { services, call }) => services.tags.create(call, input),
  'tags:update': (input, { services, call }) => services.tags.update(call, input),

  // Number fragments are searchable only by accounts that may see numbers in full.
  'residents:list': (input, { services, call }) =>
    services.residents.list(input, {
      searchNumbers: !!call.actor && roleHas(call.actor.role, 'residents.unmask'),
      actor: call.actor,
    }),
  'residents:get': (input, { services, call }) => services.residents.get(input.id, call.actor),
  'residents:create': (input, { services, call }) => services.residents.create(call, input),
  'residents:update': (input, { services, call }) =>
    services.residents.update(call, input.id, input.data, input.expectedUpdatedAt),
  'residents:archive': (input, { services, call }) => services.residents.setArchived(call, input.id, true),
  'residents:restore': (input, { services, call }) => services.residents.setArchived(call, input.id, false),
  'residents:reveal': (input, { services, call }) => services.residents.reveal(call, input.id, input.field),
}
