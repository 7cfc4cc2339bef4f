// @vitest-environment happy-dom
/**
 * The template screen and the rich-text editor it shares with the notice editor: built-in
 * templates are read-only and copied, the station's own are saved and archived; the toolbar says
 * what is on (aria-pressed) and offers table tools only inside a table.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import type { NoticeTemplateDto } from '@contract/dto'
import { findVariables } from '@contract/rules/notice-variables'
import NoticeTemplatesView from '@/views/notice-templates/index.vue'
import RichTextEditor from '@/components/RichTextEditor.vue'
import { nextToolIndex } from '@/components/rich-text-toolbar'
import { i18n, setLocale } from '@/i18n'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

function template(over: Partial<NoticeTemplateDto> & Pick<NoticeTemplateDto, 'id' | 'name'>): NoticeTemplateDto {
  const t: NoticeTemplateDto = {
    builtinKey: null,
    title: over.name,
    bodyHtml: '<p>正文</p>',
    layout: 'formal',
    paper: 'A4',
    variables: [],
    archived: false,
    ...over,
  }
  return { ...t, variables: findVariables(`${t.title}\n${t.bodyHtml}`) }
}

let templates: NoticeTemplateDto[]

const Empty = { render: () => h('div') }
const App = { render: () => h(RouterView) }
const routes = [
  { path: '/', name: 'home', component: Empty },
  { path: '/notices', name: 'notices', component: Empty },
  { path: '/notice-templates', name: 'notice-templates', component: NoticeTemplatesView },
  { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
  { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
]

async function openTemplates(permissions = ['notices.read', 'notices.write'] as const) {
  const pinia = signedIn(session('staff', [...permissions]))
  const mounted = await mountWithApp(App, { pinia, routes, path: '/notice-templates' })
  await settle(50)
  return mounted
}

function input(testid: string): HTMLInputElement {
  const el = byTestId(testid)
  if (!(el instanceof HTMLInputElement)) throw new Error(`${testid} is not an input`)
  return el
}

describe('notice templates', () => {
  beforeEach(() => {
    templates = [
      template({
        id: 1,
        builtinKey: 'meeting',
        name: '会议通知',
        title: '关于召开{{会议名称}}的通知',
        bodyHtml: '<p>定于{{会议时间}}在{{会议地点}}召开。电话{{联系电话}}</p>',
      }),
      template({
        id: 9,
        name: '垃圾分类提示',
        bodyHtml: '<p>请于{{投放时间}}投放。</p>',
        layout: 'poster',
        paper: 'A3',
      }),
    ]
    resetStation({
      'notice-templates:list': () => templates,
      'notice-templates:save': (input) => {
        const saved = template({ ...input, id: input.id ?? 10, name: input.name })
        templates = [...templates.filter((t) => t.id !== saved.id), saved]
        return saved
      },
      'notice-templates:archive': ({ id }) => {
        const t = templates.find((x) => x.id === id)!
        templates = templates.filter((x) => x.id !== id)
        return { ...t, archived: true }
      },
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a built-in template read-only, marked 系统, with the variables it asks for and how to write them', async () => {
    const { wrapper } = await openTemplates()
    const items = allByTestId('nt-item')
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ''))).toEqual(['会议通知系统', '垃圾分类提示'])
    expect(byTestId('nt-readonly')?.textContent).toContain('系统自带模板不能修改')
    expect(input('nt-name').readOnly).toBe(true)
    expect(byTestId('nt-save')).toBeNull()
    expect(byTestId('nt-archive')).toBeNull()
    expect(allByTestId('nt-variable').map((e) => e.textContent)).toEqual(['会议名称', '会议时间', '会议地点'])
    expect(byTestId('nt-help')?.textContent).toContain('{{会议时间}}')
    expect(byTestId('nt-help')?.textContent).toContain(
      '{{单位名称}}、{{社区名称}}、{{单位地址}}、{{联系电话}}、{{今天}}',
    )
    wrapper.unmount()
  })

  it('copies a built-in as a new template and saves it without an id', async () => {
    const { wrapper } = await openTemplates()
    byTestId('nt-copy')!.click()
    await flushPromises()
    expect(input('nt-name').value).toBe('会议通知（副本）')
    expect(input('nt-name').readOnly).toBe(false)
    await typeInto(input('nt-name'), '党员大会通知')
    byTestId('nt-save')!.click()
    await settle(50)
    expect(callsTo('notice-templates:save')).toEqual([
      {
        name: '党员大会通知',
        title: '关于召开{{会议名称}}的通知',
        bodyHtml: '<p>定于{{会议时间}}在{{会议地点}}召开。电话{{联系电话}}</p>',
        layout: 'formal',
        paper: 'A4',
      },
    ])
    // The saved one is shown, as one of the station's own.
    expect(byTestId('nt-heading')?.textContent).toBe('党员大会通知')
    expect(byTestId('nt-archive')).not.toBeNull()
    wrapper.unmount()
  })

  it('edits the station’s own (with its id), checks required fields first, and archives after asking', async () => {
    const { wrapper } = await openTemplates()
    allByTestId('nt-item')[1].click()
    await flushPromises()
    expect(byTestId('nt-readonly')).toBeNull()
    await typeInto(input('nt-title'), '')
    byTestId('nt-save')!.click()
    await settle()
    expect(fieldErrorText('title')).not.toBe('')
    expect(callsTo('notice-templates:save')).toHaveLength(0)

    await typeInto(input('nt-title'), '垃圾分类温馨提示')
    byTestId('nt-save')!.click()
    await settle(50)
    expect(callsTo('notice-templates:save')).toEqual([
      {
        id: 9,
        name: '垃圾分类提示',
        title: '垃圾分类温馨提示',
        bodyHtml: '<p>请于{{投放时间}}投放。</p>',
        layout: 'poster',
        paper: 'A3',
      },
    ])

    byTestId('nt-archive')!.click()
    await settle(50)
    expect(document.body.querySelector('.el-message-box')?.textContent).toContain('垃圾分类提示')
    const buttons = document.body.querySelectorAll<HTMLElement>('.el-message-box__btns .el-button')
    buttons[buttons.length - 1].click()
    await settle(400)
    expect(callsTo('notice-templates:archive')).toEqual([{ id: 9 }])
    expect(allByTestId('nt-item')).toHaveLength(1)
    wrapper.unmount()
  })

  it('an account that may only read gets no new, copy, save or archive', async () => {
    const { wrapper } = await openTemplates(['notices.read'] as never)
    expect(byTestId('nt-new')).toBeNull()
    expect(byTestId('nt-copy')).toBeNull()
    allByTestId('nt-item')[1].click()
    await flushPromises()
    expect(byTestId('nt-save')).toBeNull()
    expect(input('nt-title').readOnly).toBe(true)
    wrapper.unmount()
  })
})

describe('rich-text editor', () => {
  afterEach(() => {
    document.body.innerHTML = ''
    setLocale('zh-CN')
  })

  async function mountEditor(html: string, readonly = false) {
    const wrapper = mount(RichTextEditor, {
      props: { modelValue: html, readonly, label: '通知正文' },
      attachTo: document.body,
      global: { plugins: [i18n] },
    })
    await frames()
    const editor = (wrapper.vm as unknown as { editor: import('@tiptap/vue-3').Editor }).editor
    return { wrapper, editor }
  }

  /** The toolbar follows the editor two animation frames late (TipTap's debounced state). */
  const frames = () => settle(60)
  const tool = (key: string) => byTestId(`rte-${key}`) as HTMLButtonElement

  it('labels each tool in the language chosen, with TipTap’s shortcut, and says which are on', async () => {
    const { wrapper, editor } = await mountEditor('<p>第一段</p>')
    expect(tool('bold').getAttribute('aria-label')).toBe('加粗')
    expect(tool('bold').title).toBe('加粗（Ctrl+B）')
    expect(byTestId('rte-content')?.getAttribute('aria-label')).toBe('通知正文')
    expect(tool('bold').getAttribute('aria-pressed')).toBe('false')
    editor.commands.selectAll()
    tool('bold').click()
    await frames()
    expect(tool('bold').getAttribute('aria-pressed')).toBe('true')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['<p><strong>第一段</strong></p>'])

    tool('alignCenter').click()
    await frames()
    expect(tool('alignCenter').getAttribute('aria-pressed')).toBe('true')
    expect(wrapper.emitted('update:modelValue')?.at(-1)?.[0]).toContain('text-align: center')

    setLocale('en')
    await frames()
    expect(tool('bulletList').getAttribute('aria-label')).toBe('Bulleted list')
    wrapper.unmount()
  })

  it('inserts a 3×3 table; row and column tools work only inside it', async () => {
    const { wrapper, editor } = await mountEditor('<p>表格如下</p>')
    expect(tool('addRow').getAttribute('aria-disabled')).toBe('true')
    tool('addRow').click()
    await frames()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()

    editor.commands.focus('end')
    tool('insertTable').click()
    await frames()
    const rows = () => byTestId('rte-content')!.querySelectorAll('tr').length
    const cols = () => byTestId('rte-content')!.querySelector('tr')!.querySelectorAll('td,th').length
    expect([rows(), cols()]).toEqual([3, 3])
    expect(tool('addRow').getAttribute('aria-disabled')).toBe('false')
    expect(tool('insertTable').getAttribute('aria-disabled')).toBe('true')
    tool('addRow').click()
    tool('addColumn').click()
    await frames()
    expect([rows(), cols()]).toEqual([4, 4])
    tool('deleteRow').click()
    tool('deleteColumn').click()
    await frames()
    expect([rows(), cols()]).toEqual([3, 3])
    tool('undo').click()
    await frames()
    expect(cols()).toBe(4)
    wrapper.unmount()
  })

  it('is one Tab stop; arrows move along the toolbar and wrap round', async () => {
    const { wrapper } = await mountEditor('<p>x</p>')
    const buttons = [...byTestId('rte-toolbar')!.querySelectorAll('button')]
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1)
    expect(nextToolIndex(0, 'ArrowLeft', 17)).toBe(16)
    expect(nextToolIndex(16, 'ArrowRight', 17)).toBe(0)
    expect(nextToolIndex(5, 'Home', 17)).toBe(0)
    expect(nextToolIndex(5, 'a', 17)).toBeNull()
    byTestId('rte-toolbar')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await frames()
    expect(document.activeElement).toBe(tool('italic'))
    expect(tool('italic').tabIndex).toBe(0)
    expect(tool('bold').tabIndex).toBe(-1)
    wrapper.unmount()
  })

  it('marks each {{variable}} on screen without changing the HTML', async () => {
    const { wrapper, editor } = await mountEditor('<p>定于{{会议时间}}在{{会议地点}}召开</p>')
    const marked = () => [...byTestId('rte-content')!.querySelectorAll('.rte-variable')].map((e) => e.textContent)
    expect(marked()).toEqual(['{{会议时间}}', '{{会议地点}}'])
    expect(editor.getHTML()).toBe('<p>定于{{会议时间}}在{{会议地点}}召开</p>')
    editor.commands.insertContentAt(editor.state.doc.content.size - 1, '，{{参会人员}}')
    await frames()
    expect(marked()).toEqual(['{{会议时间}}', '{{会议地点}}', '{{参会人员}}'])
    expect(wrapper.emitted('update:modelValue')?.at(-1)?.[0]).not.toContain('rte-variable')
    wrapper.unmount()
  })

  it('read-only: no toolbar, nothing editable, and a new value from the parent is shown', async () => {
    const { wrapper } = await mountEditor('<p>已发布的正文</p>', true)
    expect(byTestId('rte-toolbar')).toBeNull()
    expect(byTestId('rte-content')?.getAttribute('contenteditable')).toBe('false')
    await wrapper.setProps({ modelValue: '<p>另一个版本</p>' })
    await frames()
    expect(byTestId('rte-content')?.textContent).toBe('另一个版本')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })
})
