// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { AppError } from '@contract/errors'
import type { HouseholdDto } from '@contract/dto'
import { permissionsOf } from '@contract/permissions'
import PlacesView from '@/views/places/index.vue'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { placeTree, residentDto, session } from './support/fixtures'

const household: HouseholdDto = {
  id: 5,
  placeId: 2,
  address: '一网格',
  headResidentId: 7,
  headName: '张三',
  archived: false,
  members: [
    { residentId: 7, name: '张三', relationToHead: '户主', isHead: true, gender: 'M', age: 46, archived: false },
    { residentId: 9, name: '张小三', relationToHead: '子', isHead: false, gender: 'M', age: 12, archived: false },
  ],
}

async function mountPlaces(role: 'staff' | 'secretary' = 'staff') {
  const pinia = signedIn(session(role, permissionsOf(role)))
  const { wrapper } = await mountWithApp(PlacesView, { pinia, path: '/places' })
  await flushPromises()
  return wrapper
}

function selectPlace(id: number) {
  const node = allByTestId('place-node').find((n) => n.dataset.id === String(id))
  if (!node) throw new Error(`no place ${id}`)
  node.click()
}

describe('places', () => {
  beforeEach(() => {
    resetStation({
      'places:tree': () => placeTree,
      'households:list': () => [household],
      'households:create': (input) => ({
        ...household,
        id: 6,
        placeId: input.placeId,
        headResidentId: null,
        headName: null,
        members: [],
      }),
      'households:set-head': (input) => ({
        ...household,
        headResidentId: input.residentId,
        headName: '张小三',
        members: household.members.map((m) => ({ ...m, isHead: m.residentId === input.residentId })),
      }),
      'places:archive': () => {
        throw new AppError('CONFLICT', 'errors.placeNotEmpty')
      },
      'places:create': (input) => ({
        id: 3,
        parentId: input.parentId,
        kind: input.kind,
        name: input.name,
        sort: 0,
        fullName: `幸福社区 / ${input.name}`,
        archived: false,
      }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the tree with translated kinds and the households of the chosen place', async () => {
    const wrapper = await mountPlaces()
    expect(allByTestId('place-node').map((n) => n.textContent?.replace(/\s+/g, ''))).toEqual([
      '幸福社区社区',
      '一网格网格',
    ])
    selectPlace(2)
    await flushPromises()
    expect(byTestId('place-selected')?.textContent).toBe('幸福社区 / 一网格')
    expect(callsTo('households:list')).toEqual([{ placeId: 2 }])
    expect(allByTestId('household-card')).toHaveLength(1)
    expect(allByTestId('household-member').map((m) => m.textContent?.trim())).toEqual(['张三', '张小三'])

    allByTestId('household-set-head')[0].click()
    await flushPromises()
    expect(callsTo('households:set-head')).toEqual([{ householdId: 5, residentId: 9 }])
    expect(byTestId('household-head')?.textContent).toBe('张小三')

    byTestId('household-new')!.click()
    await flushPromises()
    expect(callsTo('households:create')).toEqual([{ placeId: 2 }])
    expect(allByTestId('household-card')).toHaveLength(2)
    wrapper.unmount()
  })

  it('offers only finer kinds below a place and creates it', async () => {
    const wrapper = await mountPlaces()
    selectPlace(2)
    await flushPromises()
    byTestId('place-add-child')!.click()
    await flushPromises()
    byTestId('place-form-kind')?.querySelector<HTMLElement>('.el-select__wrapper')?.click()
    await flushPromises()
    const kinds = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(kinds).toEqual(['小区/街巷', '楼栋', '单元', '户/室'])

    await typeInto(byTestId('place-form-name'), '幸福小区')
    byTestId('place-form-save')!.click()
    await flushPromises()
    expect(callsTo('places:create')).toEqual([{ parentId: 2, kind: 'compound', name: '幸福小区' }])
    wrapper.unmount()
  })

  it('explains beside the place why a place with people in it cannot be archived', async () => {
    const wrapper = await mountPlaces()
    selectPlace(2)
    await flushPromises()
    byTestId('place-archive')!.click()
    await flushPromises()
    // Confirm in the message box.
    document.body
      .querySelector<HTMLElement>('.el-message-box__btns .el-button--primary, .el-message-box__btns .el-button--danger')
      ?.click()
    await settle(400)
    expect(callsTo('places:archive')).toEqual([{ id: 2 }])
    expect(byTestId('place-archive-error')?.textContent).toContain('该地址下还有下级地址或在册居民')
    wrapper.unmount()
  })

  it('lets a secretary look but not change anything', async () => {
    const wrapper = await mountPlaces('secretary')
    selectPlace(2)
    await flushPromises()
    expect(byTestId('place-add-root')).toBeNull()
    expect(byTestId('place-add-child')).toBeNull()
    expect(byTestId('place-archive')).toBeNull()
    expect(byTestId('household-new')).toBeNull()
    expect(allByTestId('household-set-head')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('moving a member', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('needs a target household, and can take a member out of any household', async () => {
    const other: HouseholdDto = {
      ...household,
      id: 11,
      placeId: 1,
      address: '幸福社区',
      headResidentId: null,
      headName: null,
      members: [],
    }
    resetStation({
      'places:tree': () => placeTree,
      'households:list': (input) => (input.placeId === 2 ? [household] : [other]),
      'households:move-member': (input) => residentDto({ id: input.residentId, householdId: input.householdId }),
    })
    const wrapper = await mountPlaces()
    selectPlace(2)
    await flushPromises()
    allByTestId('household-move')[1].click()
    await flushPromises()
    expect(byTestId('move-member')?.textContent).toContain('迁移成员：张小三')

    // Without a target, nothing is sent.
    byTestId('move-save')!.click()
    await flushPromises()
    expect(callsTo('households:move-member')).toHaveLength(0)

    byTestId('move-leave')?.querySelector('input')?.click()
    await flushPromises()
    byTestId('move-save')!.click()
    await flushPromises()
    expect(callsTo('households:move-member')).toEqual([{ residentId: 9, householdId: null, relationToHead: null }])
    wrapper.unmount()
  })
})
