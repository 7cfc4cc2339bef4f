/**
 * The notice list screen: search (title and text), filters, pages, copy, and the keyboard (the
 * search box has focus on arrival, Enter searches, Alt+N starts a new notice).
 */
import { nextTick, onBeforeUnmount, onMounted } from 'vue'
import { storeToRefs } from 'pinia'
import { useRouter } from 'vue-router'
import { api } from '@/api'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useNoticesStore } from '@/stores/notices'
import { toastSuccess } from '@/ui/feedback'
import { showError } from '@/ui/show-error'

/** The same key as "new file" on the resident list: one habit for "new" across the app. */
export const NEW_NOTICE_SHORTCUT = 'Alt+N'

export function isNewNoticeShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.key.toLowerCase() === 'n')
}

export function useNoticeList(options: { openNew: () => void; focusSearch: () => void }) {
  const auth = useAuthStore()
  const store = useNoticesStore()
  const router = useRouter()
  const { filters, page, pageSize, result, loading } = storeToRefs(store)

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

  function onPage(next: number) {
    page.value = next
    void load()
  }

  function onPageSize(next: number) {
    pageSize.value = next
    page.value = 1
    void load()
  }

  function openNotice(id: number) {
    void router.push({ name: 'notice', params: { id } })
  }

  async function copyNotice(id: number) {
    try {
      const copy = await api.notices.copy({ id })
      toastSuccess(i18n.global.t('notices.copied'))
      openNotice(copy.id)
    } catch (e) {
      showError(e)
    }
  }

  function onKeydown(event: KeyboardEvent) {
    if (auth.locked || !auth.can('notices.write')) return
    if (isNewNoticeShortcut(event)) {
      event.preventDefault()
      options.openNew()
    }
  }

  onMounted(async () => {
    window.addEventListener('keydown', onKeydown)
    await nextTick()
    options.focusSearch()
    store.ensureTemplates().catch((e: unknown) => showError(e))
    await load()
  })
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))

  return { filters, page, pageSize, result, loading, search, reset, load, onPage, onPageSize, openNotice, copyNotice }
}
