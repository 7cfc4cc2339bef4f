/** Plain-JSON shapes returned by the services. Never Sequelize instances. */
import type { Permission, Role } from './permissions'

export interface AccountDto {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
}

export interface SessionDto {
  account: AccountDto
  permissions: Permission[]
  locked: boolean
}

export interface AuthStateDto {
  needsSetup: boolean
  session: SessionDto | null
  idleLockMinutes: number
  /** The station's language, so the sign-in screen of a new PC speaks it before anyone signs in. */
  locale: 'zh-CN' | 'zh-TW' | 'en'
}

export interface SettingsDto {
  stationName: string
  community: string
  address: string
  phone: string
  locale: 'zh-CN' | 'zh-TW' | 'en'
  idleLockMinutes: number
  /**
   * The formal body face: the shipped serif, or 仿宋 where the PC has it (falling back to the
   * shipped serif where it does not).
   */
  printBodyFont: 'shipped' | 'fangsong'
}

export interface AppInfoDto {
  version: string
  dataDir: string
  databaseFile: string
  schemaVersion: string
}

export const PLACE_KINDS = ['community', 'grid', 'compound', 'building', 'unit', 'room'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

export interface PlaceDto {
  id: number
  parentId: number | null
  kind: PlaceKind
  name: string
  sort: number
  /** Names from the community down, joined: 幸福社区 / 一网格 / 幸福小区 / 3栋 / 2单元 / 501 */
  fullName: string
  archived: boolean
}

export interface PlaceNodeDto extends PlaceDto {
  children: PlaceNodeDto[]
}

export interface TagDto {
  id: number
  name: string
  /** Sensitive tags (低保, 残疾 …) are sensitive personal information under PIPL. */
  sensitive: boolean
  sort: number
  archived: boolean
}

export type Gender = 'M' | 'F'

export interface ResidentListItemDto {
  id: number
  name: string
  gender: Gender | null
  birthDate: string | null
  age: number | null
  /** Always masked here. */
  idNumber: string | null
  mobile: string | null
  landline: string | null
  address: string | null
  householdId: number | null
  relationToHead: string | null
  politicalStatus: string | null
  tags: string[]
  archived: boolean
}

export interface ResidentDto extends ResidentListItemDto {
  ethnicity: string | null
  hukouAddress: string | null
  notes: string | null
  tagIds: number[]
  idNumberMasked: boolean
  mobileMasked: boolean
  createdAt: string
  updatedAt: string
  /** A non-blocking note for the staff, such as a mobile number outside the known allocation. */
  warnings: string[]
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface HouseholdMemberDto {
  residentId: number
  name: string
  relationToHead: string | null
  isHead: boolean
  gender: Gender | null
  age: number | null
  archived: boolean
}

export interface HouseholdDto {
  id: number
  placeId: number
  address: string
  headResidentId: number | null
  headName: string | null
  members: HouseholdMemberDto[]
  archived: boolean
}

export interface RevealDto {
  field: 'idNumber' | 'mobile'
  value: string | null
}

export interface AuditEntryDto {
  id: number
  at: string
  accountId: number | null
  accountName: string | null
  channel: string
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
}

/** Notice layouts: GB/T 9704 formal document, bulletin-board poster, two household slips per A4. */
export const NOTICE_LAYOUTS = ['formal', 'poster', 'slip'] as const
export type NoticeLayout = (typeof NOTICE_LAYOUTS)[number]
/** A3 is for posters only; the formal layout and the slips are always A4. */
export const PAPER_SIZES = ['A4', 'A3'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]
/** draft → issued (locked) → superseded, once a revised version of it is issued. */
export const NOTICE_STATUSES = ['draft', 'issued', 'superseded'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

export interface NoticeTemplateDto {
  id: number
  /** Set on the built-in templates (会议通知 …), which cannot be changed, only copied. */
  builtinKey: string | null
  name: string
  title: string
  bodyHtml: string
  layout: NoticeLayout
  paper: PaperSize
  /** The `{{variables}}` in the title and body, in order of first appearance. */
  variables: string[]
  archived: boolean
}

export interface NoticeListItemDto {
  id: number
  seriesId: number
  version: number
  status: NoticeStatus
  title: string
  templateId: number | null
  templateName: string | null
  issuer: string
  issueDate: string
  layout: NoticeLayout
  paper: PaperSize
  updatedAt: string
}

export interface NoticeVersionDto {
  id: number
  version: number
  status: NoticeStatus
  issuedAt: string | null
}

export interface NoticeDto extends NoticeListItemDto {
  bodyHtml: string
  showStamp: boolean
  issuedAt: string | null
  issuedBy: string | null
  createdAt: string
  /** Every version of this notice, oldest first. */
  versions: NoticeVersionDto[]
  /** `{{variables}}` still in the text: printing is refused until they are filled or removed. */
  unfilled: string[]
}

/** Documents the print pipeline knows; each module adds its own. */
export const PRINT_DOCUMENT_TYPES = [
  'notice',
  'meeting-record',
  'sign-in-sheet',
  'blank-sign-in-sheet',
  'year-book',
  'integrity-list',
  'integrity-certificate',
  'programme-sign-in-sheet',
  'programme-blank-sign-in-sheet',
  'visit-schedule',
  'visit-overview',
  'volunteer-hours-certificate',
] as const
export type PrintDocumentType = (typeof PRINT_DOCUMENT_TYPES)[number]

/** A full ID or mobile number found in text about to be printed; `masked` names it safely. */
export interface SensitiveFindingDto {
  kind: 'idNumber' | 'mobile'
  masked: string
}

export interface PrintPreviewDto {
  title: string
  /** The PDF exactly as it would print, base64-encoded (IPC carries JSON). */
  pdfBase64: string
  pageCount: number
  paper: PaperSize
  sensitive: SensitiveFindingDto[]
}

export interface PrinterDto {
  name: string
  displayName: string
  isDefault: boolean
}

export interface PrintersDto {
  printers: PrinterDto[]
  /** The printer used last on this PC, if it is still installed. */
  lastPrinter: string | null
}

export interface PrintJobDto {
  id: number
  at: string
  accountId: number | null
  accountName: string | null
  documentType: PrintDocumentType
  documentId: number
  documentTitle: string
  /** Which records went on paper (for a notice: the notice; for a roster: each resident). */
  records: string[]
  copies: number
  target: 'printer' | 'pdf'
  /** The printer's name, or the PDF's full path. */
  targetName: string
  pageCount: number
  /** Kinds of sensitive numbers the person confirmed printing. */
  sensitiveConfirmed: string[]
}

export type SavePdfResultDto = { saved: true; job: PrintJobDto } | { saved: false }
