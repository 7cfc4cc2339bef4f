// @vitest-environment happy-dom
/**
 * 党组织与党员 against the fake station: a party group is archived only after a confirm, and one
 * that still has members is refused with the count; the members table pages through main
 * (page/pageSize and the total) rather than loading a fixed first batch.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import type { PartyBranchDto, PartyGroupDto, PartyMemberDto } from '@contract/party-dto'
import { AppError } from '@contract/errors'
import Party from '@/views/party/index.vue'
import { callsTo, resetStation, type Handlers } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

const MEMBERS = 120

function group(id: number, name: string, memberCount: number): PartyGroupDto {
  return { id, branchId: 1, name, leaderMemberId: null, leaderName: null, memberCount, archived: false }
}

function member(i: number): PartyMemberDto {
  return {
    id: i + 1,
    residentId: null,
    name: `党员${String(i + 1).padStart(3, '0')}`,
    gender: null,
    branchId: 1,
    branchName: '幸福社区第一党支部',
    groupId: null,
    groupName: null,
    kind: 'full',
    joinedDate: '2010-07-01',
    fullDate: '2011-07-01',
    status: 'active',
    inflow: null,
    outflow: null,
    notes: null,
    history: [],
    updatedAt: '2026-11-01T00:00:00.000Z',
  }
}

let groups: PartyGroupDto[]
const branch = (): PartyBranchDto => ({
  id: 1,
  name: '幸福社区第一党支部',
  committee: [],
  groups,
  memberCount: MEMBERS,
  archived: false,
})
const everyone = Array.from({ length: MEMBERS }, (_, i) => member(i))

function handlers(): Handlers {
  return {
    'branches:list': () => [branch()],
    'members:list': ({ q, page, pageSize }) => {
      const found = q ? everyone.filter((m) => m.name.includes(q)) : everyone
      return { items: found.slice((page - 1) * pageSize, page * pageSize), total: found.length, page, pageSize }
    },
    'branches:archive-group': ({ id }) => {
      const g = groups.find((x) => x.id === id)!
      if (g.memberCount > 0)
        throw new AppError('CONFLICT', 'errors.party.groupNotEmpty', { params: { count: g.memberCount } })
      g.archived = true
      return g
    },
  }
}

const Empty = { render: () => h('div') }
const routes = [
  { path: '/', name: 'home', component: Empty },
  { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
  { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
]

async function openParty() {
  const pinia = signedIn(session('secretary', ['party.read', 'party.write']))
  const mounted = await mountWithApp(Party, { pinia, routes })
  await settle(50)
  return mounted
}

function messageBoxButton(which: 'confirm' | 'cancel'): HTMLElement | null {
  const buttons = document.body.querySelectorAll<HTMLElement>('.el-message-box__btns .el-button')
  return which === 'confirm' ? (buttons[buttons.length - 1] ?? null) : (buttons[0] ?? null)
}

function archiveButton(name: string): HTMLElement {
  const item = allByTestId('group-item').find((g) => g.textContent?.includes(name))
  const button = item?.querySelector<HTMLElement>('[data-testid="group-archive"]')
  if (!button) throw new Error(`no archive button for ${name}`)
  return button
}

describe('party groups', () => {
  beforeEach(() => {
    groups = [group(11, '第一党小组', 0), group(12, '第二党小组', 4)]
    resetStation(handlers())
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('archives an empty group only after the confirm, and it leaves the list', async () => {
    await openParty()
    expect(allByTestId('group-item')).toHaveLength(2)

    archiveButton('第一党小组').click()
    await settle(50)
    expect(document.body.querySelector('.el-message-box')?.textContent).toContain('确定撤销党小组「第一党小组」吗')
    messageBoxButton('cancel')?.click()
    await settle(400)
    expect(callsTo('branches:archive-group')).toHaveLength(0)

    archiveButton('第一党小组').click()
    await settle(50)
    messageBoxButton('confirm')?.click()
    await settle(400)
    expect(callsTo('branches:archive-group')).toEqual([{ id: 11 }])
    expect(allByTestId('group-item').map((g) => g.dataset.id)).toEqual(['12'])
    expect(document.body.querySelector('.el-message--success')?.textContent).toContain('已撤销党小组')
  })

  it('a group that still has members is refused with the count, and stays', async () => {
    await openParty()
    archiveButton('第二党小组').click()
    await settle(50)
    messageBoxButton('confirm')?.click()
    await settle(400)
    expect(callsTo('branches:archive-group')).toEqual([{ id: 12 }])
    expect(document.body.querySelector('.el-message--error')?.textContent).toContain(
      '这个党小组还有 4 名党员，请先调整到其他小组',
    )
    expect(allByTestId('group-item')).toHaveLength(2)
  })

  it('a reader sees no archive button', async () => {
    const pinia = signedIn(session('staff', ['party.read']))
    await mountWithApp(Party, { pinia, routes })
    await settle(50)
    expect(allByTestId('group-item')).toHaveLength(2)
    expect(allByTestId('group-archive')).toHaveLength(0)
  })
})

describe('members table paging', () => {
  beforeEach(() => {
    groups = []
    resetStation(handlers())
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  /** The table's own calls: the committee's list of everyone is the unfiltered 200. */
  const tableCalls = () => callsTo('members:list').filter((c) => c.pageSize !== 200)

  it('asks main for one page at a time and shows the whole total', async () => {
    await openParty()
    expect(tableCalls().at(-1)).toMatchObject({ branchId: 1, page: 1, pageSize: 50 })
    expect(byTestId('pm-total')?.textContent).toContain('共 120 名')
    const pager = byTestId('pm-pagination')
    expect(pager).not.toBeNull()
    expect([...pager!.querySelectorAll('.el-pager li')].map((li) => li.textContent?.trim())).toEqual(['1', '2', '3'])

    pager!.querySelector<HTMLElement>('.btn-next')!.click()
    await settle(50)
    expect(tableCalls().at(-1)).toMatchObject({ page: 2, pageSize: 50 })
    expect(pager!.querySelector('.el-pager li.is-active')?.textContent?.trim()).toBe('2')
  })

  it('a new search starts again from the first page', async () => {
    await openParty()
    byTestId('pm-pagination')!.querySelector<HTMLElement>('.btn-next')!.click()
    await settle(50)
    expect(tableCalls().at(-1)).toMatchObject({ page: 2 })

    const box = byTestId('pm-search')
    // Element Plus puts the test id on the <input> itself or on its wrapper, by version.
    const search = box instanceof HTMLInputElement ? box : (box?.querySelector('input') ?? null)
    await typeInto(search, '党员01')
    search!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle(50)
    expect(tableCalls().at(-1)).toMatchObject({ q: '党员01', page: 1, pageSize: 50 })
    expect(byTestId('pm-total')?.textContent).toContain('共 10 名')
  })
})
