/**
 * The resident list: its query and the page on screen. Kept in a store so that opening a file and
 * coming back finds the same search, filters and page.
 */
import { reactive, ref } from 'vue'
import { defineStore } from 'pinia'
import type { InputOf } from '@contract/channels'
import type { Page, ResidentListItemDto } from '@contract/dto'
import { api } from '@/api'

export type ResidentSort = NonNullable<InputOf<'residents:list'>['sort']>
export type ResidentStatus = NonNullable<InputOf<'residents:list'>['status']>

export interface ResidentFilters {
  q: string
  placeId: number | null
  tagIds: number[]
  ageMin: number | null
  ageMax: number | null
  gender: 'M' | 'F' | null
  politicalStatus: string | null
  status: ResidentStatus
}

export function emptyFilters(): ResidentFilters {
  return {
    q: '',
    placeId: null,
    tagIds: [],
    ageMin: null,
    ageMax: null,
    gender: null,
    politicalStatus: null,
    status: 'active',
  }
}

/** The form's nulls and blanks become absent keys: the schema treats absent as "no filter". */
export function toQuery(
  f: ResidentFilters,
  sort: ResidentSort,
  page: number,
  pageSize: number,
): InputOf<'residents:list'> {
  const query: InputOf<'residents:list'> = { status: f.status, sort, page, pageSize }
  const q = f.q.trim()
  if (q) query.q = q.slice(0, 60)
  if (f.placeId !== null) query.placeId = f.placeId
  if (f.tagIds.length) query.tagIds = [...f.tagIds]
  if (f.ageMin !== null) query.ageMin = f.ageMin
  if (f.ageMax !== null) query.ageMax = f.ageMax
  if (f.gender) query.gender = f.gender
  if (f.politicalStatus) query.politicalStatus = f.politicalStatus
  return query
}

export const useResidentsStore = defineStore('residents', () => {
  const filters = reactive<ResidentFilters>(emptyFilters())
  const sort = ref<ResidentSort>('name')
  const page = ref(1)
  const pageSize = ref(20)
  const result = ref<Page<ResidentListItemDto> | null>(null)
  const loading = ref(false)

  let latest = 0
  /** Runs the query; an answer that arrives after a newer query started is dropped. */
  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const next = await api.residents.list(toQuery(filters, sort.value, page.value, pageSize.value))
      if (ticket === latest) result.value = next
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function resetFilters(): void {
    Object.assign(filters, emptyFilters())
    page.value = 1
  }

  /** Forgets the last search and its results (sign-out: the next account starts clean). */
  function clear(): void {
    latest++
    resetFilters()
    sort.value = 'name'
    result.value = null
    loading.value = false
  }

  return { filters, sort, page, pageSize, result, loading, load, resetFilters, clear }
})
