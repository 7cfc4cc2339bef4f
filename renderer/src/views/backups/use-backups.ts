/**
 * The backups screen's state: the list, a manual backup, the kept number of daily backups, and a
 * restore in two steps (check → confirm). No store: nothing here outlives the screen.
 */
import { onMounted, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BackupOverviewDto, RestoreCheckDto, RestoreStagedDto } from '@contract/backup-dto'
import { api } from '@/api'
import { toastSuccess } from '@/ui/feedback'
import { showError, whileBusy } from '@/ui/show-error'

/** 1536 → 1.5 KB: one decimal under ten, none above. */
export function formatBytes(bytes: number, t: (key: string, params: Record<string, unknown>) => string): string {
  const units = ['b', 'kb', 'mb', 'gb'] as const
  let n = bytes
  let u = 0
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024
    u++
  }
  const shown = u === 0 || n >= 10 ? Math.round(n).toString() : n.toFixed(1)
  return t(`admin.backups.sizeUnits.${units[u]}`, { n: shown })
}

export function useBackups() {
  const { t } = useI18n()
  const overview = shallowRef<BackupOverviewDto | null>(null)
  const loading = ref(false)
  const busy = ref(false)
  const keepDaily = ref(30)
  /** The checked file awaiting the person's confirmation. */
  const checked = shallowRef<RestoreCheckDto | null>(null)
  const checking = ref(false)
  const staged = shallowRef<RestoreStagedDto | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      overview.value = await api.backups.overview()
      keepDaily.value = overview.value.keepDaily
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  async function backup(destination: 'choose' | 'data'): Promise<void> {
    await whileBusy(busy, async () => {
      const made = await api.backups.create({ destination })
      if (!made) return
      toastSuccess(
        t('admin.backups.done', {
          name: made.name,
          size: formatBytes(made.bytes, t),
          seconds: (made.millis / 1000).toFixed(1),
          folder: made.folder,
        }),
      )
      await load()
    })
  }

  async function saveKeepDaily(): Promise<void> {
    await whileBusy(busy, async () => {
      overview.value = await api.backups.setKeepDaily({ keepDaily: keepDaily.value })
      toastSuccess(t('admin.backups.keepDailySaved', { n: keepDaily.value }))
    })
  }

  /** Checks a listed backup (by name) or, without a name, one chosen in the system dialog. */
  async function check(name?: string): Promise<void> {
    checking.value = true
    try {
      checked.value = await api.backups.check(name === undefined ? {} : { name })
    } catch (error) {
      showError(error)
    } finally {
      checking.value = false
    }
  }

  async function confirmRestore(): Promise<void> {
    const file = checked.value
    if (!file) return
    await whileBusy(busy, async () => {
      staged.value = await api.backups.restore({ token: file.token })
      checked.value = null
    })
  }

  onMounted(load)
  return {
    overview,
    loading,
    busy,
    keepDaily,
    checked,
    checking,
    staged,
    load,
    backup,
    saveKeepDaily,
    check,
    confirmRestore,
  }
}
