/**
 * The accounts screen: the list, and the administrator's actions on one account. Main enforces
 * every rule (last administrator, oneself, password strength); this only asks and shows.
 */
import { computed, onMounted, ref, shallowRef } from 'vue'
import type { ManagedAccountDto, PasswordResetDto } from '@contract/admin-dto'
import { api } from '@/api'
import { usePlacesStore } from '@/stores/places'
import { showError } from '@/ui/show-error'
import { gridOptions } from './grid-options'

export type { GridOption } from './grid-options'

export function useAccounts() {
  const accounts = shallowRef<ManagedAccountDto[]>([])
  const loading = ref(false)
  const places = usePlacesStore()
  const grids = computed(() => gridOptions(places.tree))

  async function load(): Promise<void> {
    loading.value = true
    try {
      accounts.value = await api.accounts.list()
      await places.ensureLoaded()
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  function replace(account: ManagedAccountDto): void {
    const i = accounts.value.findIndex((a) => a.id === account.id)
    accounts.value =
      i < 0 ? [...accounts.value, account] : accounts.value.map((a) => (a.id === account.id ? account : a))
  }

  async function setActive(account: ManagedAccountDto, active: boolean): Promise<boolean> {
    try {
      replace(await api.accounts.setActive({ id: account.id, active }))
      return true
    } catch (e) {
      showError(e)
      return false
    }
  }

  async function resetPassword(id: number, password?: string): Promise<PasswordResetDto> {
    const result = await api.accounts.resetPassword(password === undefined ? { id } : { id, password })
    replace(result.account)
    return result
  }

  onMounted(load)

  return { accounts, loading, grids, load, replace, setActive, resetPassword }
}
