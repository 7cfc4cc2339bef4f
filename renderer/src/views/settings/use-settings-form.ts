/**
 * The settings form: station details, idle lock and the print body face saved together; the
 * language saved at once.
 */
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { schemas } from '@contract/schemas'
import type { SettingsDto } from '@contract/dto'
import { translateProblem, type FieldProblems } from '@/api/errors'
import { showError } from '@/ui/show-error'
import { zodProblems } from '@/forms/zod-problems'
import { currentLocale, i18n, setLocale, type Locale } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useSettingsStore } from '@/stores/settings'
import { toastSuccess } from '@/ui/feedback'

export const SETTINGS_FIELDS = [
  'stationName',
  'community',
  'address',
  'phone',
  'idleLockMinutes',
  'printBodyFont',
] as const

export const PRINT_BODY_FONTS = ['shipped', 'fangsong'] as const satisfies readonly SettingsDto['printBodyFont'][]

export function useSettingsForm() {
  const auth = useAuthStore()
  const store = useSettingsStore()
  const canWrite = computed(() => auth.can('settings.write'))
  const form = reactive({
    stationName: '',
    community: '',
    address: '',
    phone: '',
    idleLockMinutes: 10,
    printBodyFont: 'shipped' as SettingsDto['printBodyFont'],
  })
  const locale = ref<Locale>(currentLocale())
  const problems = ref<FieldProblems>({})
  const saving = ref(false)

  function fill(s: SettingsDto | null) {
    if (!s) return
    Object.assign(form, {
      stationName: s.stationName,
      community: s.community,
      address: s.address,
      phone: s.phone,
      idleLockMinutes: s.idleLockMinutes,
      // Settings saved before the field existed come without it.
      printBodyFont: s.printBodyFont ?? 'shipped',
    })
    // The language shown is the one on screen, which this PC's own choice may have set.
    locale.value = currentLocale()
  }
  watch(() => store.settings, fill, { immediate: true })

  async function save() {
    if (saving.value || !canWrite.value) return
    const parsed = schemas.settingsUpdate.safeParse(form)
    problems.value = parsed.success ? {} : zodProblems(parsed.error)
    if (!parsed.success) return
    saving.value = true
    try {
      await store.save({ ...form })
      toastSuccess(i18n.global.t('common.saved'))
    } catch (e) {
      problems.value = showError(e, SETTINGS_FIELDS)
    } finally {
      saving.value = false
    }
  }

  /** Switches at once; saved for the station when the account may, else only on this PC. */
  async function changeLocale(next: Locale) {
    locale.value = next
    setLocale(next)
    if (!canWrite.value) return
    try {
      await store.save({ locale: next })
    } catch (e) {
      showError(e)
    }
  }

  onMounted(() => {
    store.load().catch((e: unknown) => showError(e))
    store.loadInfo().catch((e: unknown) => showError(e))
  })

  const fieldError = (path: string) => {
    const p = problems.value[path]
    return p ? translateProblem(p) : ''
  }

  return { store, form, locale, canWrite, saving, save, changeLocale, fieldError }
}
