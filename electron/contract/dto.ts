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
