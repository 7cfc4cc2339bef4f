/** Station settings every screen reads (name, language, idle lock) and the About box. */
import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppInfoDto, SettingsDto } from '@contract/dto'
import type { InputOf } from '@contract/channels'
import { api } from '@/api'
import { currentLocale, hasLocalLocaleChoice, i18n, setLocale } from '@/i18n'
import { useAuthStore } from './auth'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<SettingsDto | null>(null)
  const info = ref<AppInfoDto | null>(null)

  const stationName = computed(() => settings.value?.stationName || i18n.global.t('common.appName'))

  function apply(next: SettingsDto) {
    settings.value = next
    // A language chosen on this PC (on the sign-in screen, say) wins over the station's; the
    // station's applies where nobody chose, and is not recorded as this PC's choice.
    if (!hasLocalLocaleChoice() && next.locale !== currentLocale()) setLocale(next.locale, { remember: false })
    useAuthStore().setIdleLockMinutes(next.idleLockMinutes)
  }

  async function load(): Promise<void> {
    apply(await api.settings.get())
  }

  async function save(patch: InputOf<'settings:update'>): Promise<SettingsDto> {
    const next = await api.settings.update(patch)
    apply(next)
    return next
  }

  async function loadInfo(): Promise<void> {
    info.value = await api.app.info()
  }

  function clear(): void {
    settings.value = null
    info.value = null
  }

  return { settings, info, stationName, load, save, loadInfo, clear }
})
