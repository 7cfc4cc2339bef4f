/**
 * Notices: the list's query and the page on screen (kept, so that opening a notice and coming back
 * finds the same search), and the templates, which the list, the new-notice dialog and the
 * template screen all read.
 */
import { computed, reactive, ref } from 'vue'
import { defineStore } from 'pinia'
import type { InputOf } from '@contract/channels'
import type { NoticeListItemDto, NoticeStatus, NoticeTemplateDto, Page } from '@contract/dto'
import { api } from '@/api'

export interface NoticeFilters {
  q: string
  templateId: number | null
  status: NoticeStatus | null
  /** Issue dates, both ends inclusive (`YYYY-MM-DD`), as the date-range picker gives them. */
  dateRange: [string, string] | null
}

export function emptyNoticeFilters(): NoticeFilters {
  return { q: '', templateId: null, status: null, dateRange: null }
}

/** Blanks and nulls become absent keys: the schema reads absent as "no filter". */
export function toNoticeQuery(f: NoticeFilters, page: number, pageSize: number): InputOf<'notices:list'> {
  const query: InputOf<'notices:list'> = { page, pageSize }
  const q = f.q.trim()
  if (q) query.q = q.slice(0, 60)
  if (f.templateId !== null) query.templateId = f.templateId
  if (f.status) query.status = f.status
  if (f.dateRange) {
    const [from, to] = f.dateRange
    // A range picked backwards still means the days between.
    query.from = from <= to ? from : to
    query.to = from <= to ? to : from
  }
  return query
}

export const useNoticesStore = defineStore('notices', () => {
  const filters = reactive<NoticeFilters>(emptyNoticeFilters())
  const page = ref(1)
  const pageSize = ref(20)
  const result = ref<Page<NoticeListItemDto> | null>(null)
  const loading = ref(false)

  const templates = ref<NoticeTemplateDto[]>([])
  const templatesLoaded = ref(false)
  /** Built-in first (in their fixed order), then the station's own; archived ones left out. */
  const activeTemplates = computed(() => {
    const active = templates.value.filter((t) => !t.archived)
    return [...active.filter((t) => t.builtinKey), ...active.filter((t) => !t.builtinKey)]
  })

  let latest = 0
  /** Runs the query; an answer that arrives after a newer query started is dropped. */
  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const next = await api.notices.list(toNoticeQuery(filters, page.value, pageSize.value))
      if (ticket === latest) result.value = next
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  async function loadTemplates(): Promise<NoticeTemplateDto[]> {
    templates.value = await api['notice-templates'].list()
    templatesLoaded.value = true
    return templates.value
  }

  function ensureTemplates(): Promise<NoticeTemplateDto[]> {
    return templatesLoaded.value ? Promise.resolve(templates.value) : loadTemplates()
  }

  function resetFilters(): void {
    Object.assign(filters, emptyNoticeFilters())
    page.value = 1
  }

  /** Forgets the last search, its results and the templates (sign-out: the next account starts clean). */
  function clear(): void {
    latest++
    resetFilters()
    result.value = null
    loading.value = false
    templates.value = []
    templatesLoaded.value = false
  }

  return {
    filters,
    page,
    pageSize,
    result,
    loading,
    templates,
    activeTemplates,
    load,
    loadTemplates,
    ensureTemplates,
    resetFilters,
    clear,
  }
})
