/**
 * Writes a generated planner instance (see benchInstance in ./visits) into a real service
 * container: grids, households, volunteers, residents, people to visit and their last visits, in
 * bulk, so that a large station (2,000 people, 300 volunteers) is ready in a second or two. Used by
 * the visits benchmark's `throughTheService` and the e2e check that the plan calendar copes with a
 * large station's month.
 */
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { dateFromDay, localFromMinute, minutesToClock, type PlannerInput } from '../../electron/services/visits/planner'

export async function seedPlannerInstance(services: ServiceContainer, ctx: CallContext, input: PlannerInput) {
  const m = services.models
  const community = await services.places.create(ctx, { parentId: null, kind: 'community', name: '幸福社区' })
  const household = new Map<number, number>()
  const gridPlace = new Map<number, number>()
  for (const g of new Set([...input.people.map((p) => p.gridId), ...input.volunteers.map((v) => v.gridId)])) {
    if (g === null) continue
    const grid = await services.places.create(ctx, { parentId: community.id, kind: 'grid', name: `${g}网格` })
    const compound = await services.places.create(ctx, { parentId: grid.id, kind: 'compound', name: `${g}号院` })
    household.set(g, (await services.households.create(ctx, compound.id)).id)
    gridPlace.set(g, grid.id)
  }
  const at = new Date()
  await m.Volunteer.bulkCreate(
    input.volunteers.map((v) => ({
      id: v.id,
      name: `志愿者${v.id}`,
      gridId: v.gridId === null ? null : (gridPlace.get(v.gridId) ?? null),
      availability: JSON.stringify(
        v.availability.map((w) => ({ weekday: w.weekday, from: minutesToClock(w.from), to: minutesToClock(w.to) })),
      ),
      maxPerWeek: v.maxPerWeek,
      status: v.status,
      createdAt: at,
      updatedAt: at,
    })),
  )
  await m.VolunteerException.bulkCreate(
    input.volunteers.flatMap((v) =>
      v.exceptions.map((x) => ({ volunteerId: v.id, fromAt: localFromMinute(x.from), toAt: localFromMinute(x.to) })),
    ),
  )
  await m.Resident.bulkCreate(
    input.people.map((p) => ({
      id: p.id,
      name: `居民${p.id}`,
      namePinyin: 'jumin',
      nameInitials: 'jm',
      householdId: p.gridId === null ? null : (household.get(p.gridId) ?? null),
      createdAt: at,
      updatedAt: at,
    })),
  )
  await m.VisitPerson.bulkCreate(
    input.people.map((p) => ({
      id: p.id,
      residentId: p.id,
      tier: p.tier,
      preferredWindows: JSON.stringify(
        p.preferredWindows.map((w) => ({
          weekday: w.weekday ?? null,
          from: minutesToClock(w.from),
          to: minutesToClock(w.to),
        })),
      ),
      usualVolunteerIds: JSON.stringify(p.usualVolunteerIds),
      createdAt: at,
      updatedAt: at,
    })),
  )
  const past = input.people.filter((p) => p.lastVisitDay !== undefined)
  await m.Visit.bulkCreate(
    past.map((p, i) => ({
      id: i + 1,
      personId: p.id,
      kind: 'regular' as const,
      startAt: `${dateFromDay(p.lastVisitDay!)}T10:00`,
      endAt: `${dateFromDay(p.lastVisitDay!)}T11:00`,
      status: 'done' as const,
      createdAt: at,
      updatedAt: at,
    })),
  )
  await m.VisitVolunteer.bulkCreate(
    past.flatMap((p, i) => p.lastVolunteerIds.map((volunteerId) => ({ visitId: i + 1, volunteerId }))),
  )
}
