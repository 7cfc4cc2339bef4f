import { ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { HouseholdDto, ResidentDto } from '@contract/dto'
import { api } from '@/api'
import { showError } from '@/ui/show-error'
import { i18n } from '@/i18n'
import { confirmAction, toastSuccess } from '@/ui/feedback'

export function useResidentDetail(id: () => number) {
  const resident = ref<ResidentDto | null>(null)
  const household = ref<HouseholdDto | null>(null)
  const loading = ref(false)
  const busy = ref(false)

  async function load() {
    loading.value = true
    try {
      const r = await api.residents.get({ id: id() })
      resident.value = r
      household.value = r.householdId ? await api.households.get({ id: r.householdId }) : null
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  async function setArchived(archived: boolean) {
    const r = resident.value
    if (!r) return
    const { t } = i18n.global
    const question = t(archived ? 'residents.detail.archiveConfirm' : 'residents.detail.restoreConfirm', {
      name: r.name,
    })
    if (!(await confirmAction(question, { danger: archived }))) return
    busy.value = true
    try {
      resident.value = archived ? await api.residents.archive({ id: r.id }) : await api.residents.restore({ id: r.id })
      toastSuccess(t(archived ? 'residents.detail.archivedDone' : 'residents.detail.restoredDone'))
    } catch (e) {
      showError(e)
    } finally {
      busy.value = false
    }
  }

  const router = useRouter()
  /** Back to where the user came from (the list keeps its search), or to the list. */
  function back() {
    if (window.history.state?.back) router.back()
    else void router.push({ name: 'residents' })
  }

  watch(id, load, { immediate: true })

  return { resident, household, loading, busy, load, setArchived, back }
}
