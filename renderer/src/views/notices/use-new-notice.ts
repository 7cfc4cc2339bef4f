/**
 * The new-notice dialog: pick a template, fill the variables it asks for (the built-in ones fill
 * themselves in main), create the draft. Values typed for one template stay when another with the
 * same variable is picked.
 */
import { computed, reactive, ref } from 'vue'
import type { NoticeDto } from '@contract/dto'
import { api } from '@/api'
import { i18n } from '@/i18n'
import { useNoticesStore } from '@/stores/notices'
import { toastSuccess } from '@/ui/feedback'
import { showError } from '@/ui/show-error'
import { variablesToAsk } from './notice-labels'

export function useNewNotice(onCreated: (notice: NoticeDto) => void) {
  const store = useNoticesStore()
  const templateId = ref<number | null>(null)
  const values = reactive<Record<string, string>>({})
  const loading = ref(false)
  const creating = ref(false)

  const templates = computed(() => store.activeTemplates)
  const template = computed(() => templates.value.find((t) => t.id === templateId.value) ?? null)
  const variables = computed(() => (template.value ? variablesToAsk(template.value) : []))

  async function open() {
    for (const key of Object.keys(values)) delete values[key]
    loading.value = true
    try {
      // Fresh each time: another PC may have added or archived a template.
      await store.loadTemplates()
    } finally {
      loading.value = false
    }
    if (!templates.value.some((t) => t.id === templateId.value)) templateId.value = templates.value[0]?.id ?? null
  }

  /** Only this template's variables travel, and only those with something typed. */
  function input() {
    const out: Record<string, string> = {}
    for (const name of variables.value) {
      const v = values[name]?.trim()
      if (v) out[name] = v
    }
    return out
  }

  async function create(): Promise<boolean> {
    if (templateId.value === null || creating.value) return false
    creating.value = true
    try {
      const notice = await api.notices.create({ templateId: templateId.value, values: input() })
      toastSuccess(i18n.global.t('notices.create.created'))
      onCreated(notice)
      return true
    } catch (e) {
      showError(e)
      return false
    } finally {
      creating.value = false
    }
  }

  return { templateId, template, templates, variables, values, loading, creating, open, create, input }
}
