/**
 * SKELETON (helper C replaces): the party documents in the print pipeline: the meeting record
 * (会议记录), the sign-in sheet (blank or filled) and the year book of a branch.
 */
import type { Models } from '../../../database/models'
import type { PrintService } from '../printing/print-service'
import type { SettingsService } from '../settings-service'
import type { MeetingService } from './meeting-service'
import type { OrganisationService } from './organisation-service'

export interface PartyPrintDeps {
  printing: PrintService
  meetings: MeetingService
  organisation: OrganisationService
  settings: SettingsService
  models: Models
}

export function registerPartyPrintables(_deps: PartyPrintDeps): void {}
