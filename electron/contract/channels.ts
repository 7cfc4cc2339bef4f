/**
 * The IPC contract: every channel the renderer may call, its input schema, its result type and the
 * permission it needs. Main (router), preload (api factory) and renderer import this file; nothing
 * else names a channel string.
 */
import { z } from 'zod'
import { schemas } from './schemas'
import { noticeSchemas } from './notice-schemas'
import { partySchemas } from './party-schemas'
import type {
  AttachmentDto,
  AttachmentFileDto,
  ComplianceDto,
  FollowUpDto,
  MeetingDto,
  MeetingListItemDto,
  MemberAttendanceDto,
  PartyBranchDto,
  PartyGroupDto,
  PartyMemberDto,
  RequirementDto,
} from './party-dto'
import { read, returns, write, type ChannelDef } from './channel-def'
import { adminChannels } from './admin-channels'
import { exportChannels } from './export-channels'
import { importChannels } from './import-channels'
import { programmeChannels } from './programme-channels'
import { ratingChannels } from './rating-channels'
import { appointmentChannels } from './appointment-channels'
import { visitChannels } from './visit-channels'
import type {
  AppInfoDto,
  AuthStateDto,
  HouseholdDto,
  NoticeDto,
  NoticeListItemDto,
  NoticeTemplateDto,
  Page,
  PlaceDto,
  PlaceNodeDto,
  PrintersDto,
  PrintJobDto,
  PrintPreviewDto,
  ResidentDto,
  ResidentListItemDto,
  RevealDto,
  SavePdfResultDto,
  SessionDto,
  SettingsDto,
  TagDto,
} from './dto'

export type { ChannelDef } from './channel-def'

const residentUpdate = z.object({
  id: z.number().int().positive(),
  data: schemas.residentInput,
  /** The file's `updatedAt` when the form was opened: a save over a newer version is refused. */
  expectedUpdatedAt: z.string().max(40).optional(),
})

export const channels = {
  /** Version, data folder and schema version, for the settings screen's About box. */
  'app:info': read(schemas.none, 'signedIn', returns<AppInfoDto>()),

  /** Whether the first administrator must be created, and who is signed in here. */
  'auth:state': read(schemas.none, 'public', returns<AuthStateDto>()),
  /** Creates the first administrator; refused once any account exists. */
  'auth:setup': write(schemas.setup, 'public', returns<SessionDto>()),
  /** Signs in; five failures lock the account for five minutes. */
  'auth:login': write(schemas.login, 'public', returns<SessionDto>()),
  'auth:logout': write(schemas.none, 'public', returns<null>()),
  /** Idle lock: the session stays, but every channel except unlock/logout is refused. */
  'auth:lock': write(schemas.none, 'public', returns<null>()),
  'auth:unlock': write(schemas.unlock, 'public', returns<SessionDto>()),

  'settings:get': read(schemas.none, 'signedIn', returns<SettingsDto>()),
  'settings:update': write(schemas.settingsUpdate, 'settings.write', returns<SettingsDto>()),

  'places:tree': read(schemas.none, 'residents.read', returns<PlaceNodeDto[]>()),
  'places:create': write(schemas.placeCreate, 'places.write', returns<PlaceDto>()),
  'places:update': write(schemas.placeUpdate, 'places.write', returns<PlaceDto>()),
  'places:archive': write(schemas.byId, 'places.write', returns<PlaceDto>()),

  'households:get': read(schemas.byId, 'residents.read', returns<HouseholdDto>()),
  'households:list': read(schemas.householdList, 'residents.read', returns<HouseholdDto[]>()),
  'households:create': write(schemas.householdCreate, 'residents.write', returns<HouseholdDto>()),
  'households:set-head': write(schemas.householdSetHead, 'residents.write', returns<HouseholdDto>()),
  /** Moves a resident into another household (or out of any, with `householdId: null`). */
  'households:move-member': write(schemas.householdMoveMember, 'residents.write', returns<ResidentDto>()),

  'tags:list': read(schemas.none, 'residents.read', returns<TagDto[]>()),
  'tags:create': write(schemas.tagCreate, 'tags.write', returns<TagDto>()),
  'tags:update': write(schemas.tagUpdate, 'tags.write', returns<TagDto>()),

  /** Search and filter; ID and mobile numbers come back masked. */
  'residents:list': read(schemas.residentQuery, 'residents.read', returns<Page<ResidentListItemDto>>()),
  'residents:get': read(schemas.byId, 'residents.read', returns<ResidentDto>()),
  'residents:create': write(schemas.residentInput, 'residents.write', returns<ResidentDto>()),
  /** Replaces a file; `idNumber` or `mobile` left out (undefined) keeps the stored number. */
  'residents:update': write(residentUpdate, 'residents.write', returns<ResidentDto>()),
  'residents:archive': write(schemas.byId, 'residents.write', returns<ResidentDto>()),
  'residents:restore': write(schemas.byId, 'residents.write', returns<ResidentDto>()),
  /** "Show in full": returns one unmasked number and writes an audit row. */
  'residents:reveal': write(schemas.residentReveal, 'residents.unmask', returns<RevealDto>()),

  'notice-templates:list': read(schemas.none, 'notices.read', returns<NoticeTemplateDto[]>()),
  /** Creates (no id) or changes one of the station's own templates. */
  'notice-templates:save': write(noticeSchemas.templateSave, 'notices.write', returns<NoticeTemplateDto>()),
  'notice-templates:archive': write(schemas.byId, 'notices.write', returns<NoticeTemplateDto>()),

  'notices:list': read(noticeSchemas.noticeQuery, 'notices.read', returns<Page<NoticeListItemDto>>()),
  'notices:get': read(schemas.byId, 'notices.read', returns<NoticeDto>()),
  /** A new draft from a template, with its variables filled. */
  'notices:create': write(noticeSchemas.noticeCreate, 'notices.write', returns<NoticeDto>()),
  /** Changes a draft; an issued notice is locked (revise it instead). */
  'notices:update': write(noticeSchemas.noticeUpdate, 'notices.write', returns<NoticeDto>()),
  /** Issues a draft: locked from now on; the version it revises becomes superseded. */
  'notices:issue': write(schemas.byId, 'notices.write', returns<NoticeDto>()),
  /** A new draft version of an issued notice; the issued one is kept as it was. */
  'notices:revise': write(schemas.byId, 'notices.write', returns<NoticeDto>()),
  /** A new, separate draft with this notice's text. */
  'notices:copy': write(schemas.byId, 'notices.write', returns<NoticeDto>()),
  /** Drafts only: an issued notice stays on record. */
  'notices:discard': write(schemas.byId, 'notices.write', returns<null>()),

  /** The PC's printers and the one used last. */
  'print:printers': read(schemas.none, 'signedIn', returns<PrintersDto>()),
  /** The document as it will print, as a PDF, with any full ID or mobile numbers found in it. */
  'print:preview': read(noticeSchemas.printDocument, 'signedIn', returns<PrintPreviewDto>()),
  /** Prints on a system printer and logs it. Refused while sensitive numbers are unconfirmed. */
  'print:print': write(noticeSchemas.printToPrinter, 'signedIn', returns<PrintJobDto>()),
  /** Asks where to save, writes the PDF and logs it; `saved: false` when the dialog is cancelled. */
  'print:save-pdf': write(noticeSchemas.printSavePdf, 'signedIn', returns<SavePdfResultDto>()),
  'branches:list': read(schemas.none, 'party.read', returns<PartyBranchDto[]>()),
  'branches:save': write(partySchemas.branchSave, 'party.write', returns<PartyBranchDto>()),
  /** Replaces the branch committee (支委) with these seats. */
  'branches:set-committee': write(partySchemas.branchCommittee, 'party.write', returns<PartyBranchDto>()),
  'branches:save-group': write(partySchemas.groupSave, 'party.write', returns<PartyGroupDto>()),
  'branches:archive-group': write(schemas.byId, 'party.write', returns<PartyGroupDto>()),

  'members:list': read(partySchemas.memberQuery, 'party.read', returns<Page<PartyMemberDto>>()),
  'members:get': read(schemas.byId, 'party.read', returns<PartyMemberDto>()),
  'members:create': write(partySchemas.memberCreate, 'party.write', returns<PartyMemberDto>()),
  'members:update': write(partySchemas.memberUpdate, 'party.write', returns<PartyMemberDto>()),
  /** 转正, 流出, 返回, 离开: appended to the member's history, never overwriting it. */
  'members:change': write(partySchemas.memberChange, 'party.write', returns<PartyMemberDto>()),

  'meetings:list': read(partySchemas.meetingQuery, 'party.read', returns<Page<MeetingListItemDto>>()),
  'meetings:get': read(schemas.byId, 'party.read', returns<MeetingDto>()),
  /** A new draft with who should attend derived from the type. */
  'meetings:create': write(partySchemas.meetingCreate, 'party.write', returns<MeetingDto>()),
  /** Changes a draft; a finalised record is locked (amend it instead). */
  'meetings:update': write(partySchemas.meetingUpdate, 'party.write', returns<MeetingDto>()),
  'meetings:finalise': write(schemas.byId, 'party.write', returns<MeetingDto>()),
  /** A dated, signed amendment appended to a finalised record; the original text stays. */
  'meetings:amend': write(partySchemas.meetingAmend, 'party.write', returns<MeetingDto>()),
  'meetings:discard': write(schemas.byId, 'party.write', returns<null>()),
  /** Marks a follow-up item (议定事项) done or open again; allowed after finalising. */
  'meetings:follow-up-done': write(partySchemas.followUpDone, 'party.write', returns<FollowUpDto>()),
  'meetings:attach': write(partySchemas.attachmentAdd, 'party.write', returns<AttachmentDto>()),
  'meetings:attachment': read(schemas.byId, 'party.read', returns<AttachmentFileDto>()),
  'meetings:remove-attachment': write(schemas.byId, 'party.write', returns<null>()),
  /** A 会议通知 draft made from this meeting: its time, place and title filled in. */
  'meetings:make-notice': write(schemas.byId, 'notices.write', returns<NoticeDto>()),

  /** Held / missing / due per type and month or quarter, for a branch and year. */
  'compliance:matrix': read(partySchemas.complianceQuery, 'party.read', returns<ComplianceDto>()),
  'compliance:requirements': read(partySchemas.complianceQuery, 'party.read', returns<RequirementDto[]>()),
  'compliance:set-requirement': write(partySchemas.requirementSet, 'party.write', returns<RequirementDto[]>()),
  'compliance:set-exemption': write(partySchemas.exemptionSet, 'party.write', returns<ComplianceDto>()),
  /** Attendance rate per member for the year, and who was absent three times in a row. */
  'compliance:attendance': read(partySchemas.complianceQuery, 'party.read', returns<MemberAttendanceDto[]>()),

  /** Every print and PDF: who, what, which records, copies, where, when. */
  'print:log': read(noticeSchemas.printLogQuery, 'print.log', returns<Page<PrintJobDto>>()),

  // Each module keeps its channels in its own file.
  ...adminChannels,
  ...importChannels,
  ...exportChannels,
  ...programmeChannels,
  ...ratingChannels,
  ...appointmentChannels,
  ...visitChannels,
} satisfies Record<string, ChannelDef>

export type Channels = typeof channels
export type Channel = keyof Channels
export type InputOf<C extends Channel> = z.input<Channels[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Channels[C]['input']>
export type ResultOf<C extends Channel> = Channels[C] extends ChannelDef<z.ZodType, infer R> ? R : never

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name)
}

/** The one IPC channel name Electron sees; the contract channel travels inside the message. */
export const IPC_INVOKE = 'station:invoke'
