/** The notice and print channels through the real router: who may do what, and error shapes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope, ErrorPayload } from '../../electron/contract/errors'
import type { NoticeDto, NoticeTemplateDto } from '../../electron/contract/dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const secretary: SenderInfo = { id: '2', url: APP }
const coordinator: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router

async function call<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<Envelope<T>> {
  return (await router.handle(sender, channel, input)) as Envelope<T>
}
async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const e = await call<T>(sender, channel, input)
  if (!e.ok) throw new Error(`${channel} failed: ${JSON.stringify(e.error)}`)
  return e.data
}
async function err(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
  const e = await call(sender, channel, input)
  if (e.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return e.error
}

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: (s) => s.url === APP })
  await ok(admin, 'auth:setup', { ...ADMIN })
  for (const [username, role, sender] of [
    ['li', 'secretary', secretary],
    ['zhou', 'coordinator', coordinator],
  ] as const) {
    await ok(admin, 'accounts:create', { username, displayName: username, password: 'secret-pass-1', role })
    await ok(sender, 'auth:login', { username, password: 'secret-pass-1' })
  }
})
afterEach(async () => t.dispose())

describe('notice channels', () => {
  it('lets a secretary write notices, a coordinator only read them', async () => {
    const [meeting] = await ok<NoticeTemplateDto[]>(coordinator, 'notice-templates:list')
    const n = await ok<NoticeDto>(secretary, 'notices:create', {
      templateId: meeting.id,
      values: { 会议名称: '支部党员大会' },
    })
    expect(n.title).toBe('关于召开支部党员大会的通知')
    expect((await ok<NoticeDto>(coordinator, 'notices:get', { id: n.id })).id).toBe(n.id)
    expect((await err(coordinator, 'notices:create', { templateId: meeting.id })).code).toBe('FORBIDDEN')
    expect((await err(coordinator, 'notices:issue', { id: n.id })).code).toBe('FORBIDDEN')
  })

  it('answers bad input with field paths, not a crash', async () => {
    const [meeting] = await ok<NoticeTemplateDto[]>(admin, 'notice-templates:list')
    const n = await ok<NoticeDto>(admin, 'notices:create', { templateId: meeting.id })
    const bad = await err(admin, 'notices:update', {
      id: n.id,
      data: { title: '', bodyHtml: '<p>x</p>', issuer: '', issueDate: '2026-13-40', layout: 'fancy' },
    })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.fields?.map((f) => [f.path, f.message])).toEqual([
      ['data.title', 'validation.required'],
      ['data.issueDate', 'validation.date'],
      ['data.layout', 'validation.invalid'],
    ])
  })
})

describe('print channels', () => {
  it('keeps the print log to staff and administrators', async () => {
    expect((await ok<{ total: number }>(admin, 'print:log', {})).total).toBe(0)
    expect((await err(secretary, 'print:log', {})).code).toBe('FORBIDDEN')
    expect((await err(coordinator, 'print:log', {})).code).toBe('FORBIDDEN')
  })

  it('says plainly when this PC has no print engine', async () => {
    const [meeting] = await ok<NoticeTemplateDto[]>(admin, 'notice-templates:list')
    const n = await ok<NoticeDto>(admin, 'notices:create', { templateId: meeting.id })
    // Unfilled variables are named before anything is rendered.
    const unfilled = await err(admin, 'print:preview', { type: 'notice', id: n.id })
    expect(unfilled).toMatchObject({ code: 'VALIDATION', message: 'errors.notice.unfilled' })
    expect(unfilled.params?.names).toContain('会议名称')
    const reminder = (await ok<NoticeTemplateDto[]>(admin, 'notice-templates:list')).find(
      (x) => x.builtinKey === 'reminder',
    )!
    const ready = await ok<NoticeDto>(admin, 'notices:create', {
      templateId: reminder.id,
      values: { 提示内容: '注意防火' },
    })
    expect(await err(admin, 'print:preview', { type: 'notice', id: ready.id })).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'errors.print.noEngine',
    })
    expect(
      (await err(admin, 'print:print', { document: { type: 'notice', id: ready.id }, printer: 'x', copies: 0 })).fields,
    ).toEqual([{ path: 'copies', message: 'validation.copies' }])
  })
})
