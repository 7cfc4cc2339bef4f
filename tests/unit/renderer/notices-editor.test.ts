// @vitest-environment happy-dom
/**
 * The notice editor against the fake station: live warnings, read-only versions, saving (and a
 * save refused because someone else saved first), and the question before unsaved changes are left.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import type { NoticeDto } from '@contract/dto'
import { AppError } from '@contract/errors'
import type { Permission } from '@contract/permissions'
import NoticeEditor from '@/views/notice-editor/index.vue'
import RichTextEditor from '@/components/RichTextEditor.vue'
import { htmlText, noticeWarnings } from '@/views/notice-editor/notice-warnings'
import { fromNotice, toNoticeData, trimTrailingEmpty } from '@/views/notice-editor/rules'
import { callsTo, resetStation, setHandlers, type Handlers } from './support/fake-station'
import { allByTestId, byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

function notice(over: Partial<NoticeDto> = {}): NoticeDto {
  return {
    id: 21,
    seriesId: 21,
    version: 1,
    status: 'draft',
    title: '关于召开居民议事会的通知',
    templateId: 1,
    templateName: '会议通知',
    issuer: '幸福社区党群服务中心',
    issueDate: '2026-11-24',
    layout: 'formal',
    paper: 'A4',
    updatedAt: '2026-11-24T02:00:00.000Z',
    bodyHtml: '<p>经研究，定于11月28日在社区三楼会议室召开居民议事会。</p>',
    showStamp: false,
    issuedAt: null,
    issuedBy: null,
    createdAt: '2026-11-24T01:00:00.000Z',
    versions: [{ id: 21, version: 1, status: 'draft', issuedAt: null }],
    unfilled: [],
    ...over,
  }
}

const Empty = { render: () => h('div') }
const App = { render: () => h(RouterView) }
const routes = [
  { path: '/', name: 'home', component: Empty },
  { path: '/notices', name: 'notices', component: Empty },
  {
    path: '/notices/:id(\\d+)',
    name: 'notice',
    component: NoticeEditor,
    props: (route: { params: Record<string, unknown> }) => ({ id: Number(route.params.id) }),
  },
  { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
  { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
]

async function openEditor(id = 21, permissions: Permission[] = ['notices.read', 'notices.write']) {
  const pinia = signedIn(session('staff', permissions))
  const mounted = await mountWithApp(App, { pinia, routes, path: `/notices/${id}` })
  await settle(50)
  return mounted
}

function input(testid: string): HTMLInputElement {
  const el = byTestId(testid)
  if (!(el instanceof HTMLInputElement)) throw new Error(`${testid} is not an input`)
  return el
}

/** The body as TipTap holds it, to type into as a user would. */
function bodyEditor(wrapper: VueWrapper) {
  const rte = wrapper.findComponent(RichTextEditor)
  const editor = (rte.vm as unknown as { editor: { commands: Record<string, (...a: unknown[]) => boolean> } }).editor
  return editor
}

function messageBoxButton(which: 'confirm' | 'cancel'): HTMLElement | null {
  const buttons = document.body.querySelectorAll<HTMLElement>('.el-message-box__btns .el-button')
  return which === 'confirm' ? (buttons[buttons.length - 1] ?? null) : (buttons[0] ?? null)
}

describe('editor warnings (the rules main applies before printing)', () => {
  it('lists unfilled variables from title and body, also one split by formatting', () => {
    const w = noticeWarnings(
      '关于召开{{会议名称}}的通知',
      '<p>定于{{会<strong>议</strong>时间}}在{{会议地点}}，{{会议名称}}</p>',
    )
    expect(w.unfilled).toEqual(['会议名称', '会议时间', '会议地点'])
    expect(noticeWarnings('通知', '<p>已填好</p>').unfilled).toEqual([])
    expect(noticeWarnings('通知', '<p>{{ 没写完</p>').unfilled).toEqual(['{{ }}'])
  })

  it('names full ID and mobile numbers only masked, and does not join digits across paragraphs', () => {
    const w = noticeWarnings('通知', '<p>联系人张三，电话 138-1234-5678，身份证 11010519491231002X。</p>')
    expect(w.sensitive).toEqual([
      { kind: 'idNumber', masked: '110105********002X' },
      { kind: 'mobile', masked: '138****5678' },
    ])
    expect(JSON.stringify(w)).not.toContain('13812345678')
    expect(noticeWarnings('通知', '<p>编号 1381234</p><p>5678 号</p>').sensitive).toEqual([])
    expect(htmlText('<p>a &lt;b&gt; &amp; &#39;c&#39;</p>')).toBe("a <b> & 'c'\n")
  })
})

describe('what a save sends', () => {
  it('drops the empty paragraphs the editor keeps after a final list, and A3 unless a poster', () => {
    expect(trimTrailingEmpty('<ul><li><p>一</p></li></ul><p></p>')).toBe('<ul><li><p>一</p></li></ul>')
    expect(trimTrailingEmpty('<p>一</p><p style="text-align: center"></p><p><br></p>')).toBe('<p>一</p>')
    expect(trimTrailingEmpty('<p></p><p>一</p>')).toBe('<p></p><p>一</p>')
    const model = { ...fromNotice(notice()), layout: 'formal' as const, paper: 'A3' as const }
    expect(toNoticeData(model).paper).toBe('A4')
    expect(toNoticeData({ ...model, layout: 'poster' }).paper).toBe('A3')
  })
})

describe('notice editor', () => {
  let stored: NoticeDto
  let handlers: Handlers

  beforeEach(() => {
    stored = notice()
    handlers = {
      'notices:get': ({ id }) => (id === stored.id ? stored : notice({ id })),
      'notices:update': ({ id, data }) => {
        stored = { ...stored, id, ...data, updatedAt: '2026-11-24T03:00:00.000Z' }
        return stored
      },
      'notices:issue': ({ id }) => {
        stored = { ...stored, id, status: 'issued', issuedAt: '2026-11-24T04:00:00.000Z', issuedBy: '王管理' }
        return stored
      },
      'notices:revise': () => notice({ id: 22, version: 2 }),
    }
    resetStation(handlers)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows unfilled variables in red and masked numbers as the text is typed', async () => {
    stored = notice({ title: '关于召开{{会议名称}}的通知', bodyHtml: '<p>定于{{会议时间}}召开。</p>' })
    const { wrapper } = await openEditor()
    expect(allByTestId('ne-unfilled-item').map((e) => e.textContent)).toEqual(['{{会议名称}}', '{{会议时间}}'])
    expect(byTestId('ne-unfilled')?.textContent).toContain('不能打印')
    expect(byTestId('ne-sensitive')).toBeNull()

    await typeInto(input('ne-title'), '关于召开居民议事会的通知')
    bodyEditor(wrapper).commands.setContent('<p>定于11月28日召开。咨询 13812345678。</p>', { emitUpdate: true })
    await flushPromises()
    expect(byTestId('ne-unfilled')).toBeNull()
    expect(allByTestId('ne-sensitive-item').map((e) => e.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '手机号 138****5678',
    ])
    expect(byTestId('ne-warnings')?.textContent).not.toContain('13812345678')
    expect(byTestId('ne-dirty')).not.toBeNull()
    wrapper.unmount()
  })

  it('starts with the title of a draft focused; deletes a draft after asking, and leaves without a second question', async () => {
    const { wrapper, router } = await openEditor()
    expect(document.activeElement).toBe(input('ne-title'))
    await typeInto(input('ne-title'), '不要了')
    setHandlers({ ...handlers, 'notices:discard': () => null })
    byTestId('ne-discard')!.click()
    await settle(50)
    expect(document.body.querySelector('.el-message-box')?.textContent).toContain('确定删除草稿《不要了》吗')
    messageBoxButton('confirm')!.click()
    await settle(400)
    expect(callsTo('notices:discard')).toEqual([{ id: 21 }])
    expect(router.currentRoute.value.fullPath).toBe('/notices')
    expect(document.body.textContent).not.toContain('有未保存的修改，离开后会丢失')
    wrapper.unmount()
  })

  it('saves with the version it opened (Ctrl+Enter too); main’s field problems go next to the field', async () => {
    const { wrapper } = await openEditor()
    await typeInto(input('ne-issuer'), '幸福社区居委会')
    byTestId('notice-editor')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    )
    await flushPromises()
    expect(callsTo('notices:update')).toEqual([
      {
        id: 21,
        data: {
          title: '关于召开居民议事会的通知',
          bodyHtml: '<p>经研究，定于11月28日在社区三楼会议室召开居民议事会。</p>',
          issuer: '幸福社区居委会',
          issueDate: '2026-11-24',
          layout: 'formal',
          paper: 'A4',
          showStamp: false,
        },
        expectedUpdatedAt: '2026-11-24T02:00:00.000Z',
      },
    ])
    expect(byTestId('ne-dirty')).toBeNull()

    // The next save carries the newer version main returned.
    await typeInto(input('ne-title'), '')
    byTestId('ne-save')!.click()
    await settle()
    expect(fieldErrorText('title')).toBe('此项为必填')
    expect(callsTo('notices:update')).toHaveLength(1)

    setHandlers({
      ...handlers,
      'notices:update': () => {
        throw new AppError('VALIDATION', 'errors.validation', {
          fields: [{ path: 'data.issuer', message: 'validation.tooLong' }],
        })
      },
    })
    await typeInto(input('ne-title'), '新标题')
    byTestId('ne-save')!.click()
    await settle()
    expect(callsTo('notices:update').at(-1)?.expectedUpdatedAt).toBe('2026-11-24T03:00:00.000Z')
    expect(fieldErrorText('issuer')).not.toBe('')
    wrapper.unmount()
  })

  it('a save refused because someone saved first keeps every typed word and says what to do', async () => {
    setHandlers({
      ...handlers,
      'notices:update': () => {
        throw new AppError('CONFLICT', 'errors.notice.staleEdit')
      },
    })
    const { wrapper } = await openEditor()
    await typeInto(input('ne-title'), '改过的标题')
    bodyEditor(wrapper).commands.setContent('<p>我刚写的<strong>一段话</strong>。</p>', { emitUpdate: true })
    await flushPromises()
    byTestId('ne-save')!.click()
    await settle()

    expect(callsTo('notices:update')).toHaveLength(1)
    expect(byTestId('ne-stale')?.textContent).toContain('这份通知已被修改')
    expect(input('ne-title').value).toBe('改过的标题')
    expect(byTestId('ne-body-content')?.innerHTML).toContain('<strong>一段话</strong>')
    expect(byTestId('ne-dirty')).not.toBeNull()
    wrapper.unmount()
  })

  it('opens an issued version read-only, with a banner, its versions, and "revise" that opens the new draft', async () => {
    stored = notice({
      id: 31,
      seriesId: 30,
      version: 2,
      status: 'issued',
      issuedAt: '2026-11-24T04:00:00.000Z',
      issuedBy: '王管理',
      versions: [
        { id: 30, version: 1, status: 'superseded', issuedAt: '2026-11-20T04:00:00.000Z' },
        { id: 31, version: 2, status: 'issued', issuedAt: '2026-11-24T04:00:00.000Z' },
      ],
    })
    const { wrapper, router } = await openEditor(31)
    expect(byTestId('ne-readonly')?.textContent).toContain('已发布的版本（v2）')
    expect(input('ne-title').readOnly).toBe(true)
    expect(input('ne-issuer').readOnly).toBe(true)
    expect(byTestId('ne-body-content')?.getAttribute('contenteditable')).toBe('false')
    expect(byTestId('ne-body-toolbar')).toBeNull()
    expect(byTestId('ne-save')).toBeNull()
    expect(byTestId('ne-issue')).toBeNull()
    expect(byTestId('ne-discard')).toBeNull()
    expect(byTestId('ne-issued-info')?.textContent).toContain('王管理')
    const links = allByTestId('ne-version-link')
    expect(links.map((l) => l.textContent?.replace(/\s+/g, ''))).toEqual([
      expect.stringContaining('v1已被新版本取代'),
      expect.stringContaining('v2已发布'),
    ])
    expect(links[1].dataset.current).toBe('true')
    expect(links[0].getAttribute('href')).toBe('/notices/30')

    byTestId('ne-revise')!.click()
    await settle(50)
    expect(callsTo('notices:revise')).toEqual([{ id: 31 }])
    expect(router.currentRoute.value.fullPath).toBe('/notices/22')
    expect(callsTo('notices:get').at(-1)).toEqual({ id: 22 })
    wrapper.unmount()
  })

  it('a superseded version says so; an account that may only read sees a draft read-only', async () => {
    stored = notice({ status: 'superseded' })
    let mounted = await openEditor()
    expect(byTestId('ne-readonly')?.textContent).toContain('已被新版本取代')
    expect(byTestId('ne-revise')).toBeNull()
    mounted.wrapper.unmount()
    document.body.innerHTML = ''

    stored = notice()
    mounted = await openEditor(21, ['notices.read'])
    expect(byTestId('ne-readonly')?.textContent).toContain('只能查看')
    expect(input('ne-title').readOnly).toBe(true)
    expect(byTestId('ne-copy')).toBeNull()
    mounted.wrapper.unmount()
  })

  it('asks before issuing, and refuses to issue or print while variables are unfilled', async () => {
    stored = notice({ bodyHtml: '<p>定于{{会议时间}}召开。</p>' })
    const { wrapper } = await openEditor()
    byTestId('ne-issue')!.click()
    await flushPromises()
    expect(document.body.querySelector('.el-message-box')).toBeNull()
    expect(document.body.querySelector('.el-message')?.textContent).toContain('会议时间')
    byTestId('ne-preview')!.click()
    await flushPromises()
    expect(byTestId('print-dialog')).toBeNull()

    bodyEditor(wrapper).commands.setContent('<p>定于11月28日召开。</p>', { emitUpdate: true })
    await flushPromises()
    byTestId('ne-issue')!.click()
    await settle(50)
    expect(document.body.querySelector('.el-message-box')?.textContent).toContain('发布后不能再修改')
    messageBoxButton('confirm')!.click()
    await settle(400)
    // Unsaved text is saved first, then issued.
    expect(callsTo('notices:update')).toHaveLength(1)
    expect(callsTo('notices:issue')).toEqual([{ id: 21 }])
    expect(byTestId('ne-status')?.textContent).toBe('已发布')
    expect(input('ne-title').readOnly).toBe(true)
    wrapper.unmount()
  })

  it('asks before leaving with unsaved changes, and stays when told to', async () => {
    const { wrapper, router } = await openEditor()
    await typeInto(input('ne-title'), '还没保存的标题')
    void router.push('/notices')
    await settle(50)
    expect(document.body.querySelector('.el-message-box')?.textContent).toContain('有未保存的修改')
    messageBoxButton('cancel')!.click()
    await settle(400)
    expect(router.currentRoute.value.fullPath).toBe('/notices/21')
    expect(input('ne-title').value).toBe('还没保存的标题')

    void router.push('/notices')
    await settle(50)
    messageBoxButton('confirm')!.click()
    await settle(400)
    expect(router.currentRoute.value.fullPath).toBe('/notices')
    wrapper.unmount()
  })
})
