// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Permission } from '@contract/permissions'
import ResidentsView from '@/views/residents/index.vue'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn, typeInto } from './support/mount-app'
import { listItem, placeTree, residentDto, session, tags } from './support/fixtures'

const items = [
  listItem(),
  listItem({ id: 8, name: '赵六', idNumber: '110105********002X', mobile: '139****8888', tags: [] }),
]

async function mountList(permissions: Permission[]) {
  const pinia = signedIn(session('staff', permissions))
  const { wrapper } = await mountWithApp(ResidentsView, { pinia, path: '/residents' })
  await flushPromises()
  return wrapper
}

describe('resident list', () => {
  beforeEach(() => {
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:list': (q) => ({ items, total: 42, page: q.page, pageSize: q.pageSize }),
      'residents:reveal': (input) => ({
        field: input.field,
        value: input.field === 'idNumber' ? '34052419800101001X' : '13812341234',
      }),
      'residents:get': () => residentDto(),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the masked numbers main sent, one row per resident, and the total', async () => {
    const wrapper = await mountList(['residents.read'])
    expect(allByTestId('resident-row')).toHaveLength(2)
    const ids = allByTestId('value-id-number').map((e) => e.textContent)
    expect(ids).toEqual(['340524********001X', '110105********002X'])
    expect(allByTestId('value-mobile').map((e) => e.textContent)).toEqual(['138****1234', '139****8888'])
    expect(byTestId('resident-total')?.textContent).toBe('共 42 人')
    wrapper.unmount()
  })

  it('offers "show in full" only to an account with residents.unmask', async () => {
    let wrapper = await mountList(['residents.read'])
    expect(allByTestId('reveal-id-number')).toHaveLength(0)
    expect(allByTestId('reveal-mobile')).toHaveLength(0)
    wrapper.unmount()
    document.body.innerHTML = ''

    wrapper = await mountList(['residents.read', 'residents.unmask'])
    expect(allByTestId('reveal-id-number')).toHaveLength(2)
    allByTestId('reveal-id-number')[0].click()
    await flushPromises()
    expect(callsTo('residents:reveal')).toEqual([{ id: 7, field: 'idNumber' }])
    expect(allByTestId('value-id-number')[0].textContent).toBe('34052419800101001X')
    // The other row stays masked.
    expect(allByTestId('value-id-number')[1].textContent).toBe('110105********002X')
    wrapper.unmount()
  })

  it('focuses the search box on arrival and searches on Enter', async () => {
    const wrapper = await mountList(['residents.read'])
    const search = byTestId('resident-search') as HTMLInputElement
    expect(document.activeElement).toBe(search)
    await typeInto(search, 'zs')
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await flushPromises()
    const last = callsTo('residents:list').at(-1)
    expect(last).toMatchObject({ q: 'zs', page: 1, status: 'active' })
    wrapper.unmount()
  })

  it('opens a new file with Alt+N only for an account that may write', async () => {
    let wrapper = await mountList(['residents.read'])
    expect(byTestId('resident-new')).toBeNull()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', altKey: true }))
    await flushPromises()
    expect(byTestId('rf-name')).toBeNull()
    wrapper.unmount()
    document.body.innerHTML = ''

    wrapper = await mountList(['residents.read', 'residents.write'])
    expect(byTestId('resident-new')?.textContent).toContain('Alt+N')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', altKey: true }))
    await flushPromises()
    expect(byTestId('rf-name')).not.toBeNull()
    wrapper.unmount()
  })
})
