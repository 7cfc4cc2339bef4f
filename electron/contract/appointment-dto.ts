/**
 * 送医上门 / 送法上门 (issue 5): a visiting doctor or lawyer offers time slots; the counter books a
 * resident into one, at home or at the station; the visitor's outcome note is private to the role
 * of whoever wrote it.
 */
export const PROVIDER_KINDS = ['doctor', 'lawyer'] as const
export type ProviderKind = (typeof PROVIDER_KINDS)[number]
export const BOOKING_PLACES = ['home', 'station'] as const
export type BookingPlace = (typeof BOOKING_PLACES)[number]
export const BOOKING_STATUSES = ['booked', 'done', 'cancelled', 'noShow'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

export interface ProviderDto {
  id: number
  kind: ProviderKind
  name: string
  /** The partner unit: 社区卫生服务中心, a law firm. */
  organisation: string | null
  phone: string | null
  archived: boolean
}

export interface BookingDto {
  id: number
  slotId: number
  residentId: number
  residentName: string
  place: BookingPlace
  /** The resident's address when the visit is at home. */
  address: string | null
  reason: string | null
  status: BookingStatus
  followUp: boolean
  /** Null when there is none, or when it is hidden from this account (`noteHidden`). */
  outcome: string | null
  /** An outcome exists but was written by another role: it stays private to that role. */
  noteHidden: boolean
  outcomeBy: string | null
  updatedAt: string
}

export interface SlotDto {
  id: number
  providerId: number
  providerName: string
  providerKind: ProviderKind
  /** Shanghai wall-clock, `2026-11-26T09:00`. */
  startAt: string
  endAt: string
  /** The live booking of the slot (a cancelled one frees it). */
  booking: BookingDto | null
}
