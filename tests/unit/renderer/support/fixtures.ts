/** Plain DTOs as main would send them. */
import type { PlaceNodeDto, ResidentDto, ResidentListItemDto, SessionDto, TagDto } from '@contract/dto'
import { permissionsOf, type Permission, type Role } from '@contract/permissions'

export function session(role: Role = 'admin', permissions: Permission[] = permissionsOf(role)): SessionDto {
  return {
    account: { id: 1, username: 'admin', displayName: '王管理', role, active: true },
    permissions,
    locked: false,
  }
}

export function listItem(over: Partial<ResidentListItemDto> = {}): ResidentListItemDto {
  return {
    id: 7,
    name: '张三',
    gender: 'M',
    birthDate: '1980-01-01',
    age: 46,
    idNumber: '340524********001X',
    mobile: '138****1234',
    landline: null,
    address: '幸福小区 3栋 2单元 501',
    householdId: null,
    relationToHead: null,
    politicalStatus: '群众',
    tags: ['低保'],
    archived: false,
    ...over,
  }
}

export function residentDto(over: Partial<ResidentDto> = {}): ResidentDto {
  return {
    ...listItem(),
    ethnicity: '汉族',
    hukouAddress: null,
    notes: null,
    tagIds: [1],
    idNumberMasked: true,
    mobileMasked: true,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-01T02:00:00.000Z',
    warnings: [],
    ...over,
  }
}

export const tags: TagDto[] = [
  { id: 1, name: '低保', sensitive: true, sort: 10, archived: false },
  { id: 2, name: '独居', sensitive: false, sort: 20, archived: false },
]

export const placeTree: PlaceNodeDto[] = [
  {
    id: 1,
    parentId: null,
    kind: 'community',
    name: '幸福社区',
    sort: 0,
    fullName: '幸福社区',
    archived: false,
    children: [
      {
        id: 2,
        parentId: 1,
        kind: 'grid',
        name: '一网格',
        sort: 0,
        fullName: '幸福社区 / 一网格',
        archived: false,
        children: [],
      },
    ],
  },
]
