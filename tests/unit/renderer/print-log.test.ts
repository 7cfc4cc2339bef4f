// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { PrintJobDto } from '@contract/dto'
import PrintLogView from '@/views/print-log/index.vue'
import { emptyPrintLogFilters, formatStationTime, toPrintLogQuery } from '@/views/print-log/use-print-log'
import { setLocale } from '@/i18n'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

function job(over: Partial<PrintJobDto> = {}): PrintJobDto {
  return {
    id: 1,
    at: '2026-11-24T06:05:09.000Z',
    accountId: 1,
    accountName: '王管理',
    documentType: 'notice',
    documentId: 5,
    documentTitle: '关于召开居民代表会议的通知',
    records: ['notice:5'],
    copies: 2,
    target: 'printer',
    targetName: 'HP LaserJet 1020',
    pageCount: 2,
    sensitiveConfirmed: [],
    ...over,
  }
}

const jobs = [
  job(),
  job({
    id: 2,
    // 23:30 UTC is already the next day in Shanghai.
    at: '2026-11-24T23:30:00.000Z',
    copies: 1,
    target: 'pdf',
    targetName: 'C:\\Users\\站点\\Documents\\居民代表会议.pdf',
    pageCount: 1,
    sensitiveConfirmed: ['mobile'],
    accountName: null,
  }),
]

async function mountLog() {
  const pinia = signedIn(session('staff'))
  const { wrapper } = await mountWithApp(PrintLogView, { pinia, path: '/settings' })
  await flushPromises()
  return wrapper
}

/** Each cell's text, its separate pieces (a title and its type, say) joined by a space. */
function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('td')].map((td) => {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT)
    const parts: string[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      if (text) parts.push(text)
    }
    return parts.join(' ')
  })
}

describe('the print log', () => {
  beforeEach(() => {
    resetStation({ 'print:log': (q) => ({ items: jobs, total: 120, page: q.page, pageSize: q.pageSize }) })
  })
  afterEach(() => {
    document.body.innerHTML = ''
    setLocale('zh-CN')
  })

  it('lists who printed what, where, how many, and what they confirmed, in Shanghai time', async () => {
    const wrapper = await mountLog()
    expect(callsTo('print:log')).toEqual([{ page: 1, pageSize: 50 }])
    const rows = allByTestId('print-log-row')
    expect(rows).toHaveLength(2)
    expect(cells(rows[0])).toEqual([
      '2026/11/24 14:05:09',
      '王管理',
      '关于召开居民代表会议的通知 通知公告',
      '通知 #5',
      '2',
      '打印机 HP LaserJet 1020',
      '2',
      '—',
    ])
    expect(cells(rows[1])).toEqual([
      '2026/11/25 07:30:00',
      '（已删除的账号）',
      '关于召开居民代表会议的通知 通知公告',
      '通知 #5',
      '1',
      'PDF C:\\Users\\站点\\Documents\\居民代表会议.pdf',
      '1',
      '手机号',
    ])
    expect(byTestId('print-log-total')?.textContent).toBe('共 120 条')
    wrapper.unmount()
  })

  it('searches by title on Enter, from the first page', async () => {
    const wrapper = await mountLog()
    const search = byTestId('print-log-search') as HTMLInputElement
    expect(document.activeElement).toBe(search)
    await typeInto(search, ' 居民代表 ')
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await flushPromises()
    expect(callsTo('print:log').at(-1)).toEqual({ q: '居民代表', page: 1, pageSize: 50 })
    wrapper.unmount()
  })

  it('turns pages', async () => {
    const wrapper = await mountLog()
    byTestId('print-log-pagination')?.querySelector<HTMLButtonElement>('.btn-next')?.click()
    await flushPromises()
    expect(callsTo('print:log').at(-1)).toEqual({ page: 2, pageSize: 50 })
    wrapper.unmount()
  })

  it('says when nothing was printed yet, and when nothing matches', async () => {
    resetStation({ 'print:log': (q) => ({ items: [], total: 0, page: q.page, pageSize: q.pageSize }) })
    const wrapper = await mountLog()
    expect(byTestId('print-log-empty')?.textContent).toContain('还没有打印记录')
    await typeInto(byTestId('print-log-search'), '停水')
    byTestId('print-log-search-button')?.click()
    await flushPromises()
    expect(byTestId('print-log-empty')?.textContent).toContain('没有符合条件的打印记录')
    wrapper.unmount()
  })

  it('sends only the filters that are set', () => {
    expect(toPrintLogQuery(emptyPrintLogFilters(), 1, 50)).toEqual({ page: 1, pageSize: 50 })
    expect(
      toPrintLogQuery({ q: '  通知 ', documentType: 'notice', dates: ['2026-11-01', '2026-11-30'] }, 3, 20),
    ).toEqual({ q: '通知', documentType: 'notice', from: '2026-11-01', to: '2026-11-30', page: 3, pageSize: 20 })
  })

  it('shows times on the station clock in each language', () => {
    expect(formatStationTime('2026-11-24T16:00:00.000Z', 'zh-CN')).toBe('2026/11/25 00:00:00')
    expect(formatStationTime('2026-11-24T16:00:00.000Z', 'en')).toBe('11/25/2026, 00:00:00')
    expect(formatStationTime('not a date', 'zh-CN')).toBe('not a date')
  })
})
