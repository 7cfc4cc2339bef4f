import type base from '../zh-CN/visit-calendar'

export default {
  display: { calendar: 'Calendar', list: 'List' },
  filters: {
    grid: 'Grid',
    allGrids: 'All grids',
    volunteer: 'Volunteer',
    allVolunteers: 'All volunteers',
    status: 'Status',
    allStatuses: 'All statuses',
    shown: 'Showing {shown} of {total}',
  },
  legend: { title: 'Legend', status: 'Colour = status', tier: 'Left bar = tier' },
  tier: { high: 'High-risk', key: 'Key', general: 'General' },
  dragHint: 'Drag a visit to move it, or open it and use "Move" to type a new time',
  saved: 'Moved: {name} {when}',
  conflictTitle: 'This move breaks rules',
  conflictWhat: '{name} to {when}',
  revert: 'Undo',
  today: 'Today',
  more: '+{n} more',
  card: {
    title: 'Visit',
    when: 'Time',
    tier: 'Tier',
    status: 'Status',
    volunteers: 'Volunteers',
    urgent: 'Urgent',
  },
  unassignedEmpty: 'Every visit is assigned',
} satisfies typeof base
