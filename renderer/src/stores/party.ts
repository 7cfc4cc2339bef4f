/**
 * Party data the screens share: the branches (with committee and groups), which every party
 * screen picks from, the branch last chosen, and the meeting list's query and page (kept, so that
 * opening a meeting and coming back finds the same search).
 */
import { computed, reactive, ref } from 'vue'
import { defineStore } from 'pinia'
import type { InputOf } from '@contract/channels'
import type { Page } from '@contract/dto'
import type { MeetingListItemDto, MeetingStatus, MeetingType, PartyBranchDto } from '@contract/party-dto'
import { api } from '@/api'

export interface MeetingFilters {
  q: string
  branchId: number | null
  type: MeetingType | null
  status: MeetingStatus | null
  /** Meeting dates, both ends inclusive (`YYYY-MM-DD`). */
  dateRange: [string, string] | null
}

export function emptyMeetingFilters(): MeetingFilters {
  return { q: '', branchId: null, type: null, status: null, dateRange: null }
}

/** Blanks and nulls become absent keys: the schema reads absent as "no filter". */
export function toMeetingQuery(f: MeetingFilters, page: number, pageSize: number): InputOf<'meetings:list'> {
  const query: InputOf<'meetings:list'> = { page, pageSize }
  const q = f.q.trim()
  if (q) query.q = q.slice(0, 60)
  if (f.branchId !== null) query.branchId = f.branchId
  if (f.type) query.type = f.type
  if (f.status) query.status = f.status
  if (f.dateRange) {
    const [from, to] = f.dateRange
    query.from = from <= to ? from : to
    query.to = from <= to ? to : from
  }
  return query
}

export const usePartyStore = defineStore('party', () => {
  const branches = ref<PartyBranchDto[]>([])
  const branchesLoaded = ref(false)
  /** The branch the secretary works in: the screens open on it. */
  const currentBranchId = ref<number | null>(null)
  const activeBranches = computed(() => branches.value.filter((b) => !b.archived))
  const currentBranch = computed(() => branches.value.find((b) => b.id === currentBranchId.value) ?? null)

  async function loadBranches(): Promise<PartyBranchDto[]> {
    branches.value = await api.branches.list()
    branchesLoaded.value = true
    if (currentBranchId.value === null || !branches.value.some((b) => b.id === currentBranchId.value)) {
      currentBranchId.value = activeBranches.value[0]?.id ?? null
    }
    return branches.value
  }

  function ensureBranches(): Promise<PartyBranchDto[]> {
    return branchesLoaded.value ? Promise.resolve(branches.value) : loadBranches()
  }

  /** Puts a branch main just returned in place (or adds it), keeping the order. */
  function putBranch(branch: PartyBranchDto): void {
    const i = branches.value.findIndex((b) => b.id === branch.id)
    if (i >= 0) branches.value.splice(i, 1, branch)
    else branches.value.push(branch)
  }

  const filters = reactive<MeetingFilters>(emptyMeetingFilters())
  const page = ref(1)
  const pageSize = ref(20)
  const result = ref<Page<MeetingListItemDto> | null>(null)
  const loading = ref(false)

  let latest = 0
  /** Runs the meeting query; an answer that arrives after a newer query started is dropped. */
  async function loadMeetings(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const next = await api.meetings.list(toMeetingQuery(filters, page.value, pageSize.value))
      if (ticket === latest) result.value = next
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function resetFilters(): void {
    Object.assign(filters, emptyMeetingFilters())
    page.value = 1
  }

  /** Forgets branches, the last search and its results (sign-out: the next account starts clean). */
  function clear(): void {
    latest++
    branches.value = []
    branchesLoaded.value = false
    currentBranchId.value = null
    resetFilters()
    result.value = null
    loading.value = false
  }

  return {
    branches,
    activeBranches,
    currentBranchId,
    currentBranch,
    loadBranches,
    ensureBranches,
    putBranch,
    filters,
    page,
    pageSize,
    result,
    loading,
    loadMeetings,
    resetFilters,
    clear,
  }
})
