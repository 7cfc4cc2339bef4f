// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { AppError } from '@contract/errors'
import ResidentFormDialog from '@/views/residents/ResidentFormDialog.vue'
import { callsTo, resetStation } from './support/fake-station'
import { byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { placeTree, residentDto, session, tags } from './support/fixtures'

async function openNewForm() {
  const pinia = signedIn(session('staff'))
  const { wrapper } = await mountWithApp(ResidentFormDialog, { pinia })
  await (wrapper.vm as unknown as { open: (id: number | null) => Promise<void> }).open(null)
  await flushPromises()
  return wrapper
}

function input(testid: string): HTMLInputElement {
  const el = byTestId(testid)
  if (!(el instanceof HTMLInputElement)) throw new Error(`${testid} is not an input`)
  return el
}

describe('resident form', () => {
  beforeEach(() => {
    resetStation({ 'tags:list': () => tags, 'places:tree': () => placeTree })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the translated ID checksum error next to the field without calling main', async () => {
    const wrapper = await openNewForm()
    await typeInto(input('rf-name'), '李四')
    await typeInto(input('rf-id-number'), '340524198001010013')
    byTestId('rf-save')!.click()
    await settle()

    expect(fieldErrorText('idNumber')).toBe('身份证号校验位不正确，请逐位核对')
    expect(fieldErrorText('name')).toBe('')
    expect(callsTo('residents:create')).toHaveLength(0)
    wrapper.unmount()
  })

  it('reads birth date and gender from a valid ID and hides the birth-date picker', async () => {
    const wrapper = await openNewForm()
    expect(byTestId('rf-birth-date')).not.toBeNull()
    await typeInto(input('rf-id-number'), '11010519491231002x')
    expect(byTestId('rf-derived')?.textContent).toContain('出生日期 1949-12-31，女')
    expect(byTestId('rf-birth-date')).toBeNull()
    expect(input('rf-birth-date-derived').value).toBe('1949-12-31')
    wrapper.unmount()
  })

  it('puts a server error next to its field, names the existing file, and keeps what was typed', async () => {
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:create': () => {
        throw new AppError('CONFLICT', 'errors.validation', {
          fields: [{ path: 'idNumber', message: 'validation.id.duplicate', params: { name: '张三', id: 12 } }],
        })
      },
    })
    const wrapper = await openNewForm()
    await typeInto(input('rf-name'), '李四')
    await typeInto(input('rf-id-number'), '34052419800101001X')
    await typeInto(input('rf-mobile'), '13812341234')
    byTestId('rf-save')!.click()
    await settle()

    expect(callsTo('residents:create')).toHaveLength(1)
    expect(fieldErrorText('idNumber')).toBe('该身份证号已登记：张三（档案 12）')
    expect(input('rf-name').value).toBe('李四')
    expect(input('rf-id-number').value).toBe('34052419800101001X')
    expect(input('rf-mobile').value).toBe('13812341234')
    // Still open: nothing was lost.
    expect(byTestId('resident-form')?.closest('.el-overlay')?.getAttribute('style') ?? '').not.toContain(
      'display: none',
    )

    // Changing the number clears the server's complaint about the old one.
    await typeInto(input('rf-id-number'), '370101190102039973')
    await settle()
    expect(fieldErrorText('idNumber')).toBe('')
    wrapper.unmount()
  })

  it('sends the form through the shared schema and reports the warnings of the saved file', async () => {
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:create': (input) => residentDto({ name: input.name, warnings: ['mobileUnallocated'] }),
    })
    const wrapper = await openNewForm()
    await typeInto(input('rf-name'), '王五')
    await typeInto(input('rf-mobile'), '14412345678')
    expect(byTestId('rf-mobile-warning')?.textContent).toContain('手机号不在已知号段内')
    byTestId('rf-save')!.click()
    await settle()

    const [sent] = callsTo('residents:create')
    expect(sent).toMatchObject({ name: '王五', mobile: '14412345678', ethnicity: '汉族', idNumber: null, tagIds: [] })
    expect(wrapper.emitted('saved')).toHaveLength(1)
    expect(document.body.textContent).toContain('手机号不在已知号段内，请与本人核对')
    wrapper.unmount()
  })
})

describe('editing a file', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('edits with the numbers masked: a blank number field keeps the stored number, never revealing it', async () => {
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:get': () => residentDto({ id: 7, name: '张三', tagIds: [1] }),
      'residents:update': (input) => residentDto({ id: input.id, name: input.data.name }),
    })
    const pinia = signedIn(session('staff'))
    const { wrapper } = await mountWithApp(ResidentFormDialog, { pinia })
    await (wrapper.vm as unknown as { open: (id: number | null) => Promise<void> }).open(7)
    await flushPromises()
    expect(callsTo('residents:reveal')).toEqual([])
    expect(input('rf-id-number').value).toBe('')
    expect(input('rf-id-number').placeholder).toContain('340524********001X')
    // The stored ID still decides birth date and gender on screen.
    expect(byTestId('rf-derived')?.textContent).toContain('1980-01-01')
    await typeInto(input('rf-name'), '张叁')
    byTestId('rf-save')!.click()
    await flushPromises()
    const [sent] = callsTo('residents:update') as Array<{ id: number; data: Record<string, unknown> }>
    expect(sent).toMatchObject({ id: 7, data: { name: '张叁', tagIds: [1] } })
    // The version the form was opened on travels with the save, so a newer one is not overwritten.
    expect(sent).toMatchObject({ expectedUpdatedAt: '2026-11-01T02:00:00.000Z' })
    expect(sent!.data.idNumber).toBeUndefined()
    expect(sent!.data.mobile).toBeUndefined()
    expect(wrapper.emitted('saved')).toHaveLength(1)
    wrapper.unmount()
  })

  it('clears a stored number only when asked to', async () => {
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:get': () => residentDto({ id: 7, name: '张三', tagIds: [1] }),
      'residents:update': (input) => residentDto({ id: input.id, name: input.data.name }),
    })
    const pinia = signedIn(session('staff'))
    const { wrapper } = await mountWithApp(ResidentFormDialog, { pinia })
    await (wrapper.vm as unknown as { open: (id: number | null) => Promise<void> }).open(7)
    await flushPromises()
    byTestId('rf-mobile-clear')!.click()
    await flushPromises()
    byTestId('rf-save')!.click()
    await flushPromises()
    const [sent] = callsTo('residents:update') as Array<{ id: number; data: Record<string, unknown> }>
    expect(sent!.data.mobile).toBe('')
    expect(sent!.data.idNumber).toBeUndefined()
    wrapper.unmount()
  })
})
