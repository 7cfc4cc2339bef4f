/**
 * The resident list screen: search, filters, sort, pages, and the keyboard (the search box has
 * focus on arrival, Enter searches, Alt+N opens a new file).
 */
import { nextTick, onBeforeUnmount, onMounted, ref } from 'vue'
import { storeToRefs } from 'pinia'
import { useRouter } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { usePlacesStore } from '@/stores/places'
import { useResidentsStore, type ResidentSort } from '@/stores/residents'
import { useTagsStore } from '@/stores/tags'
import { showError } from '@/ui/show-error'

/** Shown on the button too; Ctrl+N would open a new browser window in some shells. */
export const NEW_RESIDENT_SHORTCUT = 'Alt+N'

export function isNewResidentShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.key.toLowerCase() === 'n')
}

export function useResidentList(options: { openNew: () => void; focusSearch: () => void }) {
  const auth = useAuthStore()
  const store = useResidentsStore()
  const places = usePlacesStore()
  const tags = useTagsStore()
  const router = useRouter()
  const { filters, sort, page, pageSize, result, loading } = storeToRefs(store)
  const showMore = ref(false)

  async function load() {
    try {
      await store.load()
    } catch (e) {
      showError(e)
    }
  }

  function search() {
    page.value = 1
    void load()
  }

  function reset() {
    store.resetFilters()
    void load()
  }

  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) {
    const key = prop === 'age' || prop === 'createdAt' || prop === 'name' ? prop : 'name'
    sort.value = (order === 'descending' ? `-${key}` : key) as ResidentSort
    if (!order) sort.value = 'name'
    page.value = 1
    void load()
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

  function openFile(id: number) {
    void router.push({ name: 'resident', params: { id } })
  }

  function onKeydown(event: KeyboardEvent) {
    if (auth.locked || !auth.can('residents.write')) return
    if (isNewResidentShortcut(event)) {
      event.preventDefault()
      options.openNew()
    }
  }

  onMounted(async () => {
    window.addEventListener('keydown', onKeydown)
    await nextTick()
    options.focusSearch()
    places.ensureLoaded().catch((e: unknown) => showError(e))
    tags.ensureLoaded().catch((e: unknown) => showError(e))
    await load()
  })
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))

  return {
    filters,
    sort,
    page,
    pageSize,
    result,
    loading,
    showMore,
    search,
    reset,
    load,
    onSortChange,
    onPage,
    onPageSize,
    openFile,
  }
}
