// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { AppError } from '@contract/errors'
import type { PrintJobDto, PrintPreviewDto, PrintersDto } from '@contract/dto'
import PrintDialog from '@/print/PrintDialog.vue'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn } from './support/mount-app'
import { session } from './support/fixtures'

/**
 * pdf.js needs a real canvas, which happy-dom lacks: the preview's PDF module is replaced by one
 * that reads the page count from the "PDF" (`pages:N`) and draws nothing. The real one is
 * exercised end to end (tests/e2e/print.spec.ts).
 */
const drawn = vi.hoisted(() => ({ pages: [] as Array<{ page: number; scale: number }> }))
vi.mock('@/print/pdf-document', () => ({
  CSS_PX_PER_PT: 96 / 72,
  openPdf: async (base64: string) => {
    const pageCount = Number(/pages:(\d+)/.exec(atob(base64))?.[1] ?? 1)
    return {
      pageCount,
      pageSizes: Array.from({ length: pageCount }, () => ({ width: 794, height: 1123 })),
      render: (page: number, _canvas: HTMLCanvasElement, scale: number) => {
        drawn.pages.push({ page, scale })
        return { promise: Promise.resolve(), cancel() {} }
      },
      destroy: async () => {},
    }
  },
}))

function previewDto(over: Partial<PrintPreviewDto> = {}): PrintPreviewDto {
  return {
    title: '关于召开居民代表会议的通知',
    pdfBase64: btoa('pages:2'),
    pageCount: 2,
    paper: 'A4',
    sensitive: [],
    ...over,
  }
}

const printersDto: PrintersDto = {
  printers: [
    { name: 'HP-LaserJet', displayName: 'HP LaserJet 1020', isDefault: true },
    { name: 'Brother-7180', displayName: 'Brother 7180', isDefault: false },
  ],
  lastPrinter: 'Brother-7180',
}

function job(over: Partial<PrintJobDto> = {}): PrintJobDto {
  return {
    id: 1,
    at: '2026-11-24T06:05:09.000Z',
    accountId: 1,
    accountName: '王管理',
    documentType: 'notice',
    documentId: 5,
    documentTitle: '关于召开居民代表会议的通知',
    records: ['关于召开居民代表会议的通知'],
    copies: 1,
    target: 'printer',
    targetName: 'Brother-7180',
    pageCount: 2,
    sensitiveConfirmed: [],
    ...over,
  }
}

const state = { open: ref(true), printed: [] as PrintJobDto[] }

const Host = defineComponent({
  setup() {
    return () =>
      h(PrintDialog, {
        modelValue: state.open.value,
        'onUpdate:modelValue': (v: boolean) => (state.open.value = v),
        document: { type: 'notice', id: 5 },
        onPrinted: (j: PrintJobDto) => state.printed.push(j),
      })
  },
})

async function mountDialog() {
  drawn.pages = []
  state.open.value = true
  state.printed = []
  const pinia = signedIn(session('staff'))
  const { wrapper } = await mountWithApp(Host, { pinia, path: '/settings' })
  await flushPromises()
  await flushPromises()
  return wrapper
}

function button(id: string): HTMLButtonElement {
  const el = byTestId(id)
  if (!(el instanceof HTMLButtonElement)) throw new Error(`no button ${id}`)
  return el
}

async function click(id: string) {
  button(id).click()
  await flushPromises()
  await flushPromises()
}

const messages = () => [...document.body.querySelectorAll('.el-message')].map((m) => m.textContent?.trim() ?? '')

describe('the print dialog', () => {
  beforeEach(() => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => previewDto(),
      'print:print': (input) => job({ copies: input.copies, targetName: input.printer }),
      'print:save-pdf': () => ({ saved: true, job: job({ target: 'pdf', targetName: 'D:\\通知\\居民代表会议.pdf' }) }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('asks for the preview of its document and shows its pages, the page count and the paper', async () => {
    const wrapper = await mountDialog()
    expect(callsTo('print:preview')).toEqual([{ type: 'notice', id: 5 }])
    expect(allByTestId('print-page')).toHaveLength(2)
    expect(byTestId('print-page-indicator')?.textContent).toBe('第 1 / 2 页')
    expect(byTestId('print-paper')?.textContent).toContain('A4')
    expect(byTestId('print-doc-meta')?.textContent).toContain('共 2 页')
    // Each page drawn once on opening, the page in view first.
    await new Promise((resolve) => setTimeout(resolve, 120))
    await flushPromises()
    expect(drawn.pages.map((d) => d.page)).toEqual([1, 2])
    expect(allByTestId('print-page').map((p) => p.dataset.rendered)).toEqual(['true', 'true'])
    // Zooming draws the pages again at the new scale.
    drawn.pages = []
    await click('print-zoom-in')
    await new Promise((resolve) => setTimeout(resolve, 120))
    await flushPromises()
    expect(byTestId('print-zoom-label')?.textContent).toBe('110%')
    expect(drawn.pages).toEqual([
      { page: 1, scale: 1.1 },
      { page: 2, scale: 1.1 },
    ])
    await click('print-next')
    expect(byTestId('print-page-indicator')?.textContent).toBe('第 2 / 2 页')
    expect(button('print-next').disabled).toBe(true)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp' }))
    await flushPromises()
    expect(byTestId('print-page-indicator')?.textContent).toBe('第 1 / 2 页')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }))
    await flushPromises()
    expect(byTestId('print-page-indicator')?.textContent).toBe('第 2 / 2 页')
    wrapper.unmount()
  })

  it('offers the printer used last, and prints there with the copies asked for', async () => {
    const wrapper = await mountDialog()
    expect(byTestId('print-printer')?.textContent).toContain('Brother 7180')
    expect(button('print-print').disabled).toBe(false)
    await click('print-print')
    expect(callsTo('print:print')).toEqual([
      { document: { type: 'notice', id: 5 }, printer: 'Brother-7180', copies: 1, confirmSensitive: false },
    ])
    expect(state.printed).toHaveLength(1)
    // Printed: the dialog closes and says where it went.
    expect(state.open.value).toBe(false)
    expect(messages().join()).toContain('已发送到打印机“Brother-7180”，共 1 份')
    wrapper.unmount()
  })

  it('falls back to the default printer when the last one is gone', async () => {
    resetStation({
      'print:printers': () => ({ ...printersDto, lastPrinter: 'Old-Printer' }),
      'print:preview': () => previewDto(),
      'print:print': (input) => job({ targetName: input.printer }),
    })
    const wrapper = await mountDialog()
    expect(byTestId('print-printer')?.textContent).toContain('HP LaserJet 1020')
    await click('print-print')
    expect(callsTo('print:print')[0]?.printer).toBe('HP-LaserJet')
    wrapper.unmount()
  })

  it('cannot print without a printer, but can still save a PDF', async () => {
    resetStation({
      'print:printers': () => ({ printers: [], lastPrinter: null }),
      'print:preview': () => previewDto(),
    })
    const wrapper = await mountDialog()
    expect(button('print-print').disabled).toBe(true)
    expect(button('print-save-pdf').disabled).toBe(false)
    expect(byTestId('print-printer')?.textContent).toContain('没有可用的打印机')
    wrapper.unmount()
  })

  it('keeps copies within 1 to 99', async () => {
    const wrapper = await mountDialog()
    const input = byTestId('print-copies')?.querySelector('input') as HTMLInputElement
    input.value = '150'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
    await flushPromises()
    expect(input.value).toBe('99')
    await click('print-print')
    expect(callsTo('print:print')[0]?.copies).toBe(99)
    wrapper.unmount()
    document.body.innerHTML = ''

    resetStation({ 'print:printers': () => printersDto, 'print:preview': () => previewDto() })
    const again = await mountDialog()
    const next = byTestId('print-copies')?.querySelector('input') as HTMLInputElement
    expect(next.value).toBe('1')
    next.value = '0'
    next.dispatchEvent(new Event('input', { bubbles: true }))
    next.dispatchEvent(new Event('change', { bubbles: true }))
    await flushPromises()
    expect(next.value).toBe('1')
    again.unmount()
  })

  it('names the ID and mobile numbers found and prints only once the person ticks the confirmation', async () => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () =>
        previewDto({
          sensitive: [
            { kind: 'idNumber', masked: '510703********123X' },
            { kind: 'mobile', masked: '138****1234' },
          ],
        }),
      'print:print': (input) => {
        if (!input.confirmSensitive) throw new AppError('SENSITIVE_UNCONFIRMED', 'errors.print.sensitive')
        return job({ copies: input.copies, sensitiveConfirmed: ['idNumber', 'mobile'] })
      },
      'print:save-pdf': (input) => ({
        saved: true,
        job: job({
          target: 'pdf',
          targetName: '/tmp/a.pdf',
          sensitiveConfirmed: input.confirmSensitive ? ['mobile'] : [],
        }),
      }),
    })
    const wrapper = await mountDialog()
    const items = allByTestId('print-sensitive-item').map((e) => e.textContent?.replace(/\s+/g, ' ').trim())
    expect(items).toEqual(['身份证号 510703********123X', '手机号 138****1234'])
    expect(button('print-print').disabled).toBe(true)
    expect(button('print-save-pdf').disabled).toBe(true)
    expect(byTestId('print-why')?.textContent).toContain('请先勾选')
    // Clicking a disabled button sends nothing.
    await click('print-print')
    expect(callsTo('print:print')).toHaveLength(0)

    byTestId('print-sensitive-confirm')?.querySelector('input')?.click()
    await flushPromises()
    expect(button('print-print').disabled).toBe(false)
    expect(button('print-save-pdf').disabled).toBe(false)
    await click('print-save-pdf')
    expect(callsTo('print:save-pdf')).toEqual([{ document: { type: 'notice', id: 5 }, confirmSensitive: true }])
    await click('print-print')
    expect(callsTo('print:print')[0]?.confirmSensitive).toBe(true)
    wrapper.unmount()
  })

  it('saves a PDF: says where, stays open to print too, and reports the job', async () => {
    const wrapper = await mountDialog()
    await click('print-save-pdf')
    expect(callsTo('print:save-pdf')).toEqual([{ document: { type: 'notice', id: 5 }, confirmSensitive: false }])
    expect(byTestId('print-saved-path')?.textContent).toContain('D:\\通知\\居民代表会议.pdf')
    expect(messages().join()).toContain('PDF 已保存：D:\\通知\\居民代表会议.pdf')
    expect(state.printed.map((j) => j.target)).toEqual(['pdf'])
    expect(state.open.value).toBe(true)
    wrapper.unmount()
  })

  it('says nothing when the save dialog is cancelled', async () => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => previewDto(),
      'print:save-pdf': () => ({ saved: false }),
    })
    const wrapper = await mountDialog()
    await click('print-save-pdf')
    expect(callsTo('print:save-pdf')).toHaveLength(1)
    expect(messages()).toEqual([])
    expect(byTestId('print-saved-path')).toBeNull()
    expect(byTestId('print-action-error')).toBeNull()
    expect(state.printed).toEqual([])
    expect(state.open.value).toBe(true)
    expect(button('print-save-pdf').disabled).toBe(false)
    wrapper.unmount()
  })

  it('shows unfilled variables in place of the pages, and nothing can be printed', async () => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => {
        throw new AppError('VALIDATION', 'errors.notice.unfilled', { params: { names: '会议时间、会议地点' } })
      },
    })
    const wrapper = await mountDialog()
    expect(byTestId('print-preview-error')?.textContent).toContain(
      '还有未填写的变量：会议时间、会议地点。请填写或删除后再打印',
    )
    expect(allByTestId('print-page')).toHaveLength(0)
    expect(button('print-print').disabled).toBe(true)
    expect(button('print-save-pdf').disabled).toBe(true)
    wrapper.unmount()
  })

  it('shows a slip that is too long in the language on screen, with nothing to retry', async () => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => {
        throw new AppError('UNAVAILABLE', 'errors.print.slipTooLong')
      },
    })
    const wrapper = await mountDialog()
    expect(byTestId('print-preview-error')?.textContent).toContain('内容超过半页，无法做成入户通知单')
    // The text must change first: trying again would only say the same.
    expect(byTestId('print-preview-retry')).toBeNull()
    expect(button('print-save-pdf').disabled).toBe(true)
    wrapper.unmount()
  })

  it('tries the preview again on request after a passing failure', async () => {
    let fail = true
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => {
        if (fail) throw new AppError('UNAVAILABLE', 'errors.print.noEngine')
        return previewDto()
      },
    })
    const wrapper = await mountDialog()
    expect(byTestId('print-preview-error')?.textContent).toContain('打印组件没有启动')
    fail = false
    await click('print-preview-retry')
    expect(byTestId('print-preview-error')).toBeNull()
    expect(allByTestId('print-page')).toHaveLength(2)
    wrapper.unmount()
  })

  it('keeps the dialog and its choices when the printer fails, with the reason in it', async () => {
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => previewDto(),
      'print:print': (input) => {
        throw new AppError('UNAVAILABLE', 'errors.print.printerFailed', {
          params: { printer: input.printer, reason: '缺纸' },
        })
      },
    })
    const wrapper = await mountDialog()
    const input = byTestId('print-copies')?.querySelector('input') as HTMLInputElement
    input.value = '3'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
    await flushPromises()
    await click('print-print')
    expect(byTestId('print-action-error')?.textContent).toContain('打印机没有接受打印任务（Brother-7180）：缺纸')
    expect(state.open.value).toBe(true)
    expect(state.printed).toEqual([])
    expect(input.value).toBe('3')
    expect(button('print-print').disabled).toBe(false)
    wrapper.unmount()
  })

  it('closes with Esc, but not while a job is on its way to the printer', async () => {
    let release: (j: PrintJobDto) => void = () => {}
    resetStation({
      'print:printers': () => printersDto,
      'print:preview': () => previewDto(),
      'print:print': () => new Promise<PrintJobDto>((resolve) => (release = resolve)),
    })
    const wrapper = await mountDialog()
    // The tests stub transitions: the dialog hides, and says so (update:modelValue) only after them.
    const shown = () =>
      (byTestId('print-dialog')?.closest<HTMLElement>('.el-overlay')?.style.display ?? 'none') !== 'none'
    const escape = async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
      await flushPromises()
    }
    button('print-print').click()
    await flushPromises()
    expect(button('print-print').classList.contains('is-loading')).toBe(true)
    expect(button('print-close').disabled).toBe(true)
    await escape()
    expect(shown()).toBe(true)
    release(job())
    await flushPromises()
    expect(state.open.value).toBe(false)
    wrapper.unmount()
    document.body.innerHTML = ''

    resetStation({ 'print:printers': () => printersDto, 'print:preview': () => previewDto() })
    const again = await mountDialog()
    expect(shown()).toBe(true)
    await escape()
    expect(shown()).toBe(false)
    again.unmount()
  })
})
