/**
 * Plan visits → calendar events: which visits a filter keeps, their colours (status fills the
 * event, tier marks its left edge) and whether they may be dragged. Pure, so the unit tests can
 * check the mapping without a calendar. Times stay the station's wall-clock strings
 * (`2026-12-03T09:30`): the calendar runs in UTC so no machine time zone can shift them.
 */
import type { VisitDto, VisitStatus, VisitTier } from '@contract/visit-dto'

export interface CalendarFilter {
  /** The visited person's grid; null keeps every grid. */
  gridId: number | null
  /** Visits this volunteer makes; null keeps everyone. */
  volunteerId: number | null
  /** Statuses to show; empty keeps every status. */
  statuses: VisitStatus[]
}

export const NO_FILTER: CalendarFilter = { gridId: null, volunteerId: null, statuses: [] }

/** Fill colours by status, dark enough for white text. */
export const STATUS_COLOURS: Record<VisitStatus, string> = {
  planned: '#2f6fbf',
  confirmed: '#1d4e89',
  done: '#2e7d32',
  missed: '#757575',
  moved: '#8d5b1c',
}

/** The left edge by tier: red for high-risk, amber for key groups, pale for general. */
export const TIER_COLOURS: Record<VisitTier, string> = {
  high: '#e53935',
  key: '#ffb300',
  general: '#d0d4da',
}

/** Only visits still to happen move; a done, missed or moved visit is history. */
export function canDrag(status: VisitStatus): boolean {
  return status === 'planned' || status === 'confirmed'
}

export function filterVisits(
  visits: readonly VisitDto[],
  filter: CalendarFilter,
  gridOfPerson: ReadonlyMap<number, number | null>,
): VisitDto[] {
  return visits.filter(
    (v) =>
      (filter.gridId === null || gridOfPerson.get(v.personId) === filter.gridId) &&
      (filter.volunteerId === null || v.volunteers.some((x) => x.id === filter.volunteerId)) &&
      (filter.statuses.length === 0 || filter.statuses.includes(v.status)),
  )
}

export interface VisitEvent {
  id: string
  title: string
  start: string
  end: string
  editable: boolean
  backgroundColor: string
  borderColor: string
  textColor: string
  classNames: string[]
  extendedProps: { visitId: number; status: VisitStatus; tier: VisitTier; urgent: boolean; more?: number }
}

export function toEvent(v: VisitDto, canPlan: boolean): VisitEvent {
  const names = v.volunteers.map((x) => x.name).join('、')
  return {
    id: String(v.id),
    title: names ? `${v.personName} · ${names}` : v.personName,
    start: v.startAt,
    end: v.endAt,
    editable: canPlan && canDrag(v.status),
    backgroundColor: STATUS_COLOURS[v.status],
    borderColor: TIER_COLOURS[v.tier],
    textColor: '#ffffff',
    classNames: ['visit-event', `visit-status-${v.status}`, `visit-tier-${v.tier}`],
    extendedProps: { visitId: v.id, status: v.status, tier: v.tier, urgent: v.kind === 'urgent' },
  }
}

export function toEvents(
  visits: readonly VisitDto[],
  filter: CalendarFilter,
  gridOfPerson: ReadonlyMap<number, number | null>,
  canPlan: boolean,
): VisitEvent[] {
  return filterVisits(visits, filter, gridOfPerson).map((v) => toEvent(v, canPlan))
}

/** The summary chip's colours: a pale chip, plainly not a visit. */
export const MORE_COLOURS = { background: '#eef1f6', text: '#303133' }

/**
 * A month day shows at most `perDay` visits; past that it shows `perDay - 1` of them (the
 * earliest) and one chip "+N more" that opens the week. A large station's month holds some 2,600
 * visits: laid out in full, the day grid takes seconds to draw (it renders every hidden event to
 * measure it), and nobody reads 80 visits in a day cell anyway. `moreTitle` words the chip.
 */
export function capPerDay(
  events: readonly VisitEvent[],
  perDay: number,
  moreTitle: (n: number) => string,
): VisitEvent[] {
  const byDay = new Map<string, VisitEvent[]>()
  for (const e of events) {
    const day = e.start.slice(0, 10)
    const list = byDay.get(day)
    if (list) list.push(e)
    else byDay.set(day, [e])
  }
  const out: VisitEvent[] = []
  for (const [day, list] of byDay) {
    if (list.length <= perDay) {
      out.push(...list)
      continue
    }
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start) || Number(a.id) - Number(b.id))
    const shown = sorted.slice(0, perDay - 1)
    const hidden = list.length - shown.length
    out.push(...shown, {
      id: `more-${day}`,
      title: moreTitle(hidden),
      // The last minute of the day, so the chip sorts after the visits it stands for.
      start: `${day}T23:58`,
      end: `${day}T23:59`,
      editable: false,
      backgroundColor: MORE_COLOURS.background,
      borderColor: MORE_COLOURS.background,
      textColor: MORE_COLOURS.text,
      classNames: ['visit-more'],
      extendedProps: { visitId: 0, status: 'planned', tier: 'general', urgent: false, more: hidden },
    })
  }
  return out
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A calendar date (UTC-coded wall clock, see above) → `YYYY-MM-DDTHH:mm`. */
export function wallClock(d: Date): string {
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  )
}

/**
 * The time grid's first and last slot: the station's day hours, stretched to whole hours around
 * any visit outside them (a move saved anyway to the evening must still be seen and dragged back).
 */
export function slotBounds(
  dayFrom: string,
  dayTo: string,
  visits: readonly VisitDto[] = [],
): { slotMinTime: string; slotMaxTime: string } {
  let from = dayFrom
  let to = dayTo
  for (const v of visits) {
    const start = v.startAt.slice(11, 16)
    // A visit past midnight ends on the next day: the grid runs to 24:00 then.
    const end = v.endAt.slice(0, 10) > v.startAt.slice(0, 10) ? '24:00' : v.endAt.slice(11, 16)
    if (start < from) from = `${start.slice(0, 2)}:00`
    if (end > to) to = end.endsWith(':00') ? end : `${pad(Number(end.slice(0, 2)) + 1)}:00`
  }
  return { slotMinTime: `${from}:00`, slotMaxTime: `${to}:00` }
}
