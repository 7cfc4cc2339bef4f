/** The audit log screen's filters, page and export; the query lives here, as on the print log. */
import { onMounted, reactive, ref, shallowRef } from 'vue'
import type { AuditFacetsDto } from '@contract/admin-dto'
import type { AuditEntryDto, Page } from '@contract/dto'
import { api } from '@/api'
import { showError } from '@/ui/show-error'

export interface AuditFilters {
  accountId: number | null
  entity: string | null
  action: string | null
  /** `[from, to]` as YYYY-MM-DD Shanghai days, both included, or null. */
  dates: [string, string] | null
}

export interface AuditFilterQuery {
  accountId?: number
  entity?: string
  action?: string
  from?: string
  to?: string
}

export function emptyAuditFilters(): AuditFilters {
  return { accountId: null, entity: null, action: null, dates: null }
}

/** Blanks become absent keys: the schema treats absent as "no filter". */
export function toAuditQuery(f: AuditFilters): AuditFilterQuery {
  const q: AuditFilterQuery = {}
  if (f.accountId !== null) q.accountId = f.accountId
  if (f.entity) q.entity = f.entity
  if (f.action) q.action = f.action
  if (f.dates) [q.from, q.to] = f.dates
  return q
}

export function useAuditLog() {
  const filters = reactive<AuditFilters>(emptyAuditFilters())
  const page = ref(1)
  const pageSize = ref(50)
  const result = shallowRef<Page<AuditEntryDto> | null>(null)
  const facets = shallowRef<AuditFacetsDto>({ entities: [], actions: [], accounts: [] })
  const loading = ref(false)

  let latest = 0
  async function load() {
    const ticket = ++latest
    loading.value = true
    try {
      const next = await api.audit.list({ ...toAuditQuery(filters), page: page.value, pageSize: pageSize.value })
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
    Object.assign(filters, emptyAuditFilters())
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

  onMounted(async () => {
    await load()
    facets.value = await api.audit.facets().catch(() => facets.value)
  })

  return { filters, page, pageSize, result, facets, loading, load, search, reset, onPage, onPageSize }
}
