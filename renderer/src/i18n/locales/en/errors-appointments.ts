import type base from '../zh-CN/errors-appointments'

export default {
  past: 'Times in the past cannot be offered or booked.',
  pastMidnight: 'Slots cannot run past midnight: fewer or shorter slots.',
  overlap: "Overlaps this visitor's slot {time}.",
  slotHasBooking: 'This slot has a booking on record and cannot be removed.',
  archivedResident: 'This resident file is archived and cannot be booked.',
  noAddress: '{name} has no address on file: choose "At the station" or add the address first.',
  taken: 'This slot was just booked: choose another.',
  residentBusy: '{name} already has a booking at {time}.',
  notBooked: 'This booking was cancelled.',
  staleEdit: 'This booking was changed while you were editing it. Close it and open it again.',
  notYourNote: 'This visit note was written by another role; you cannot change it.',
} satisfies typeof base
