/**
 * The print log: every print and saved PDF, newest first, filtered by title, document type and
 * date. The query lives here, not in a store: nobody leaves this screen mid-search to come back.
 */
import { onMounted, reactive, ref, shallowRef } from 'vue'
import type { InputOf } from '@contract/channels'
import type { Page, PrintDocumentType, PrintJobDto } from '@contract/dto'
import { api } from '@/api'
import { showError } from '@/ui/show-error'

export type PrintLogQuery = InputOf<'print:log'>

export interface PrintLogFilters {
  q: string
  documentType: PrintDocumentType | null
  /** `[from, to]` as YYYY-MM-DD (Asia/Shanghai calendar days, both included), or null. */
  dates: [string, string] | null
}

export function emptyPrintLogFilters(): PrintLogFilters {
  return { q: '', documentType: null, dates: null }
}

/** Blanks become absent keys: the schema treats absent as "no filter". */
export function toPrintLogQuery(f: PrintLogFilters, page: number, pageSize: number): PrintLogQuery {
  const query: PrintLogQuery = { page, pageSize }
  const q = f.q.trim()
  if (q) query.q = q.slice(0, 60)
  if (f.documentType) query.documentType = f.documentType
  if (f.dates) {
    query.from = f.dates[0]
    query.to = f.dates[1]
  }
  return query
}

const TIME_FORMAT: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
}

/** A moment as the station's clock shows it, whatever time zone this PC is set to. */
export function formatStationTime(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, TIME_FORMAT).format(date)
}

export function usePrintLog() {
  const filters = reactive<PrintLogFilters>(emptyPrintLogFilters())
  const page = ref(1)
  const pageSize = ref(50)
  const result = shallowRef<Page<PrintJobDto> | null>(null)
  const loading = ref(false)

  let latest = 0
  async function load() {
    const ticket = ++latest
    loading.value = true
    try {
      const next = await api.print.log(toPrintLogQuery(filters, page.value, pageSize.value))
      if (ticket === latest) result.value = next
    } catch (e) {
      if (ticket === latest) showError(e)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function search() {
    page.value = 1
    void load()
  }

  function reset() {
    Object.assign(filters, emptyPrintLogFilters())
    search()
  }

  function onPage(next: number) {
    page.value = next
    void load()
  }

  function onPageSize(next: number) {
    pageSize.value = next
    page.value = 1
    void load()
  }

  const isFiltered = () =>
    JSON.stringify(toPrintLogQuery(filters, 1, 1)) !== JSON.stringify(toPrintLogQuery(emptyPrintLogFilters(), 1, 1))

  onMounted(load)

  return { filters, page, pageSize, result, loading, load, search, reset, onPage, onPageSize, isFiltered }
}
