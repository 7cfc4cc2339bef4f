// @vitest-environment happy-dom
/**
 * The notice list and the new-notice dialog against the fake station: the query the filters
 * build, the keyboard, and which variables the dialog asks for (the built-in ones fill themselves).
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { NoticeDto, NoticeListItemDto, NoticeTemplateDto } from '@contract/dto'
import { findVariables } from '@contract/rules/notice-variables'
import type { Permission } from '@contract/permissions'
import NoticesView from '@/views/notices/index.vue'
import { variablesToAsk } from '@/views/notices/notice-labels'
import { emptyNoticeFilters, toNoticeQuery, useNoticesStore } from '@/stores/notices'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn, typeInto } from './support/mount-app'
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

const templates: NoticeTemplateDto[] = [
  template({
    id: 1,
    builtinKey: 'meeting',
    name: '会议通知',
    title: '关于召开{{会议名称}}的通知',
    bodyHtml:
      '<p>经研究，定于{{会议时间}}在{{会议地点}}召开{{会议名称}}。</p><p>联系电话：{{联系电话}}。{{单位名称}}，{{今天}}</p>',
  }),
  template({ id: 2, builtinKey: 'activity', name: '活动通知', layout: 'poster', bodyHtml: '<p>{{活动时间}}</p>' }),
  template({ id: 3, builtinKey: 'reminder', name: '温馨提示', bodyHtml: '<p>{{提示内容}}</p>' }),
  template({ id: 4, builtinKey: 'announcement', name: '公告', bodyHtml: '<p>{{公告内容}}</p>' }),
  template({ id: 5, builtinKey: 'outage', name: '停水停电通知', layout: 'slip', bodyHtml: '<p>{{停供时间}}</p>' }),
  template({ id: 9, name: '垃圾分类提示', bodyHtml: '<p>请按时投放，{{社区名称}}。</p>' }),
]

function item(over: Partial<NoticeListItemDto> = {}): NoticeListItemDto {
  return {
    id: 11,
    seriesId: 10,
    version: 2,
    status: 'issued',
    title: '关于召开居民议事会的通知',
    templateId: 1,
    templateName: '会议通知',
    issuer: '幸福社区党群服务中心',
    issueDate: '2026-11-24',
    layout: 'formal',
    paper: 'A4',
    updatedAt: '2026-11-24T02:00:00.000Z',
    ...over,
  }
}

function noticeDto(over: Partial<NoticeDto> = {}): NoticeDto {
  return {
    ...item({ id: 21, seriesId: 21, version: 1, status: 'draft' }),
    bodyHtml: '<p>正文</p>',
    showStamp: false,
    issuedAt: null,
    issuedBy: null,
    createdAt: '2026-11-24T02:00:00.000Z',
    versions: [{ id: 21, version: 1, status: 'draft', issuedAt: null }],
    unfilled: [],
    ...over,
  }
}

const Empty = defineComponent({ render: () => h('div') })
const routes = [
  { path: '/', name: 'home', component: Empty },
  { path: '/notices', name: 'notices', component: Empty },
  { path: '/notices/:id', name: 'notice', component: Empty },
  { path: '/notice-templates', name: 'notice-templates', component: Empty },
  { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
  { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
]

async function mountList(permissions: Permission[] = ['notices.read', 'notices.write']) {
  const pinia = signedIn(session('staff', permissions))
  const mounted = await mountWithApp(NoticesView, { pinia, routes, path: '/notices' })
  await flushPromises()
  return mounted
}

function altN() {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', code: 'KeyN', altKey: true, bubbles: true }))
}

describe('the notice list query', () => {
  it('leaves out what is blank and keeps what narrows the list', () => {
    expect(toNoticeQuery(emptyNoticeFilters(), 1, 20)).toEqual({ page: 1, pageSize: 20 })
    expect(
      toNoticeQuery(
        { q: '  停水  ', templateId: 5, status: 'superseded', dateRange: ['2026-11-01', '2026-11-30'] },
        3,
        50,
      ),
    ).toEqual({
      q: '停水',
      templateId: 5,
      status: 'superseded',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 3,
      pageSize: 50,
    })
  })

  it('reads a range picked backwards as the days between, and cuts the search to what main accepts', () => {
    const q = toNoticeQuery(
      { ...emptyNoticeFilters(), q: '通'.repeat(80), dateRange: ['2026-12-31', '2026-01-01'] },
      1,
      20,
    )
    expect(q.from).toBe('2026-01-01')
    expect(q.to).toBe('2026-12-31')
    expect(q.q).toHaveLength(60)
  })
})

describe('variables a new notice asks for', () => {
  it('asks for the template’s own variables once each, in order, and never for the built-in ones', () => {
    expect(variablesToAsk(templates[0])).toEqual(['会议名称', '会议时间', '会议地点'])
    expect(variablesToAsk(templates[5])).toEqual([])
  })
})

describe('notice list', () => {
  beforeEach(() => {
    resetStation({
      'notice-templates:list': () => templates,
      'notices:list': (q) => ({
        items: [
          item(),
          item({ id: 12, version: 1, status: 'superseded' }),
          item({ id: 13, version: 1, status: 'draft', templateId: null, templateName: null }),
        ],
        total: 23,
        page: q.page,
        pageSize: q.pageSize,
      }),
      'notices:create': (input) => noticeDto({ id: 30, templateId: input.templateId }),
      'notices:copy': (input) => noticeDto({ id: 40 + input.id }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows title, template, version, status and the total; the search box has the focus', async () => {
    const { wrapper } = await mountList()
    expect(allByTestId('notice-row')).toHaveLength(3)
    expect(allByTestId('notice-version').map((e) => e.textContent)).toEqual(['v2', 'v1', 'v1'])
    expect(allByTestId('notice-status').map((e) => e.textContent?.trim())).toEqual(['已发布', '已被新版本取代', '草稿'])
    const firstRow = allByTestId('notice-row')[0]
    expect(firstRow.dataset.id).toBe('11')
    expect(firstRow.textContent).toContain('会议通知')
    expect(firstRow.textContent).toContain('2026-11-24')
    expect(firstRow.textContent).toContain('幸福社区党群服务中心')
    expect(byTestId('notice-total')?.textContent).toBe('共 23 份')
    expect(document.activeElement).toBe(byTestId('notice-search'))
    wrapper.unmount()
  })

  it('searches on Enter from page 1, with the filters chosen', async () => {
    const { wrapper } = await mountList()
    const store = useNoticesStore()
    store.page = 3
    store.filters.status = 'draft'
    store.filters.dateRange = ['2026-11-01', '2026-11-30']
    const search = byTestId('notice-search') as HTMLInputElement
    await typeInto(search, ' 议事会 ')
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await flushPromises()
    expect(callsTo('notices:list').at(-1)).toEqual({
      q: '议事会',
      status: 'draft',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 1,
      pageSize: 20,
    })
    wrapper.unmount()
  })

  it('copies a notice from its row and opens the copy', async () => {
    const { wrapper, router } = await mountList()
    allByTestId('notice-copy')[1].click()
    await flushPromises()
    expect(callsTo('notices:copy')).toEqual([{ id: 12 }])
    expect(router.currentRoute.value.fullPath).toBe('/notices/52')
    wrapper.unmount()
  })

  it('offers no new notice and no copy to an account that may only read', async () => {
    const { wrapper } = await mountList(['notices.read'])
    expect(byTestId('notice-new')).toBeNull()
    expect(allByTestId('notice-copy')).toHaveLength(0)
    altN()
    await flushPromises()
    expect(byTestId('nn-template')).toBeNull()
    expect(byTestId('notice-templates-link')).not.toBeNull()
    wrapper.unmount()
  })

  it('Alt+N: the five built-in templates and the station’s own; fields only for variables that do not fill themselves', async () => {
    const { wrapper, router } = await mountList()
    altN()
    await flushPromises()
    const choices = allByTestId('nn-template')
    expect(choices.map((c) => c.querySelector('.new-notice__name')?.textContent)).toEqual([
      '会议通知',
      '活动通知',
      '温馨提示',
      '公告',
      '停水停电通知',
      '垃圾分类提示',
    ])
    expect(choices.map((c) => c.dataset.builtin)).toEqual(['true', 'true', 'true', 'true', 'true', 'false'])
    // The first template is chosen: its fields, labelled by the variable's name.
    const names = () => allByTestId('nn-var').map((e) => e.dataset.name)
    expect(names()).toEqual(['会议名称', '会议时间', '会议地点'])
    expect(byTestId('nn-builtins-hint')?.textContent).toContain('单位名称、社区名称、单位地址、联系电话、今天')

    await typeInto(allByTestId('nn-var')[1], '11月28日（周六）上午9:00')
    await typeInto(allByTestId('nn-var')[2], '  社区三楼会议室 ')

    // A template whose only variable fills itself asks for nothing.
    ;(choices[5].querySelector('input') as HTMLInputElement).click()
    await flushPromises()
    expect(names()).toEqual([])
    expect(byTestId('nn-no-values')).not.toBeNull()

    // Back to the meeting: what was typed is still there; only its filled variables travel.
    ;(choices[0].querySelector('input') as HTMLInputElement).click()
    await flushPromises()
    expect((allByTestId('nn-var')[1] as HTMLInputElement).value).toBe('11月28日（周六）上午9:00')
    byTestId('nn-create')!.click()
    await flushPromises()
    expect(callsTo('notices:create')).toEqual([
      { templateId: 1, values: { 会议时间: '11月28日（周六）上午9:00', 会议地点: '社区三楼会议室' } },
    ])
    expect(router.currentRoute.value.fullPath).toBe('/notices/30')
    wrapper.unmount()
  })

  it('Enter in the last field creates the notice', async () => {
    const { wrapper } = await mountList()
    altN()
    await flushPromises()
    const fields = allByTestId('nn-var')
    await typeInto(fields[0], '居民议事会')
    fields[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await flushPromises()
    expect(callsTo('notices:create')).toEqual([{ templateId: 1, values: { 会议名称: '居民议事会' } }])
    wrapper.unmount()
  })
})
