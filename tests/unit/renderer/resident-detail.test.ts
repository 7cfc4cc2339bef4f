// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Permission } from '@contract/permissions'
import DetailView from '@/views/resident-detail/index.vue'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn } from './support/mount-app'
import { residentDto, session } from './support/fixtures'

let archived = false

async function mountDetail(permissions: Permission[]) {
  const pinia = signedIn(session('staff', permissions))
  const { wrapper } = await mountWithApp(DetailView, { pinia, path: '/residents/7', props: { id: 7 } })
  await flushPromises()
  return wrapper
}

async function confirmBox() {
  await flushPromises()
  // Closed boxes linger hidden in <body>; the newest is the last.
  ;[
    ...document.body.querySelectorAll<HTMLElement>(
      '.el-message-box__btns .el-button--primary, .el-message-box__btns .el-button--danger',
    ),
  ]
    .at(-1)
    ?.click()
  await settle(400)
}

describe('resident detail', () => {
  beforeEach(() => {
    archived = false
    resetStation({
      'residents:get': () =>
        residentDto({ householdId: 5, relationToHead: '户主', archived, warnings: ['mobileUnallocated'] }),
      'households:get': () => ({
        id: 5,
        placeId: 2,
        address: '幸福小区 3栋 2单元 501',
        headResidentId: 7,
        headName: '张三',
        archived: false,
        members: [
          { residentId: 7, name: '张三', relationToHead: '户主', isHead: true, gender: 'M', age: 46, archived: false },
          { residentId: 9, name: '李梅', relationToHead: '配偶', isHead: false, gender: 'F', age: 44, archived: false },
        ],
      }),
      'residents:reveal': (input) => ({
        field: input.field,
        value: input.field === 'idNumber' ? '34052419800101001X' : '13812341234',
      }),
      'residents:archive': () => residentDto({ archived: (archived = true) }),
      'residents:restore': () => residentDto({ archived: (archived = false) }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows masked numbers, the warnings and the household; no reveal without the permission', async () => {
    const wrapper = await mountDetail(['residents.read'])
    expect(byTestId('detail-name')?.textContent).toBe('张三')
    expect(byTestId('value-id-number')?.textContent).toBe('340524********001X')
    expect(byTestId('value-mobile')?.textContent).toBe('138****1234')
    expect(byTestId('reveal-id-number')).toBeNull()
    expect(byTestId('detail-warning')?.textContent).toContain('手机号不在已知号段内')
    expect(byTestId('household-members')?.textContent).toContain('李梅')
    expect(byTestId('household-members')?.textContent).toContain('配偶')
    expect(byTestId('resident-archive')).toBeNull()
    wrapper.unmount()
  })

  it('reveals one number in full on request (main audits it)', async () => {
    const wrapper = await mountDetail(['residents.read', 'residents.unmask'])
    byTestId('reveal-mobile')!.click()
    await flushPromises()
    expect(callsTo('residents:reveal')).toEqual([{ id: 7, field: 'mobile' }])
    expect(byTestId('value-mobile')?.textContent).toBe('13812341234')
    expect(byTestId('value-id-number')?.textContent).toBe('340524********001X')
    wrapper.unmount()
  })

  it('archives after a confirmation, then restores', async () => {
    const wrapper = await mountDetail(['residents.read', 'residents.write'])
    byTestId('resident-archive')!.click()
    await confirmBox()
    expect(callsTo('residents:archive')).toEqual([{ id: 7 }])
    expect(byTestId('detail-archived')).not.toBeNull()
    expect(allByTestId('resident-restore')).toHaveLength(1)

    byTestId('resident-restore')!.click()
    await confirmBox()
    expect(callsTo('residents:restore')).toEqual([{ id: 7 }])
    expect(byTestId('detail-archived')).toBeNull()
    wrapper.unmount()
  })
})
