/**
 * The template screen: the list, the one being looked at or edited, a new one or a copy of a
 * built-in, saving and archiving, and the question before unsaved changes are dropped.
 */
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import type { NoticeTemplateDto } from '@contract/dto'
import { api } from '@/api'
import { translateProblem, type FieldProblems } from '@/api/errors'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { useNoticesStore } from '@/stores/notices'
import { confirmAction, toastSuccess } from '@/ui/feedback'
import { showError } from '@/ui/show-error'
import { templateName, variablesToAsk } from '@/views/notices/notice-labels'
import {
  emptyTemplate,
  fromTemplate,
  TEMPLATE_FIELDS,
  templateSnapshot,
  toTemplateInput,
  validateTemplate,
  type TemplateField,
  type TemplateFormModel,
} from './rules'

/** `view`: a built-in (read-only); `edit`: one of the station's own; `new`: not saved yet. */
export type TemplateMode = 'view' | 'edit' | 'new'

export function useNoticeTemplates() {
  const auth = useAuthStore()
  const store = useNoticesStore()
  const { t } = i18n.global

  const selectedId = ref<number | null>(null)
  const mode = ref<TemplateMode>('view')
  const model = reactive<TemplateFormModel>(emptyTemplate())
  const savedSnapshot = ref(templateSnapshot(model))
  const loading = ref(false)
  const saving = ref(false)
  const problems = ref<FieldProblems>({})
  /** Nothing chosen yet (an empty list): the form is not shown. */
  const active = ref(false)

  const canWrite = computed(() => auth.can('notices.write'))
  const templates = computed(() => store.activeTemplates)
  const selected = computed(() => templates.value.find((tpl) => tpl.id === selectedId.value) ?? null)
  const readonly = computed(() => mode.value === 'view' || !canWrite.value)
  const dirty = computed(() => active.value && !readonly.value && templateSnapshot(model) !== savedSnapshot.value)
  const variables = computed(() => variablesToAsk(model))

  function fill(next: TemplateFormModel) {
    Object.assign(model, next)
    savedSnapshot.value = templateSnapshot(model)
    problems.value = {}
    active.value = true
  }

  async function confirmDrop(): Promise<boolean> {
    if (!dirty.value) return true
    return confirmAction(t('notices.templates.leaveConfirm'), {
      danger: true,
      confirmText: t('notices.editor.leaveAction'),
    })
  }

  function show(tpl: NoticeTemplateDto) {
    selectedId.value = tpl.id
    mode.value = tpl.builtinKey ? 'view' : 'edit'
    fill(fromTemplate(tpl))
  }

  async function select(tpl: NoticeTemplateDto) {
    if (tpl.id === selectedId.value && mode.value !== 'new') return
    if (!(await confirmDrop())) return
    show(tpl)
  }

  async function startNew() {
    if (!(await confirmDrop())) return
    selectedId.value = null
    mode.value = 'new'
    fill(emptyTemplate())
    // A new form counts as changed once anything is typed.
  }

  async function copyAsNew() {
    const src = selected.value
    if (!src || !(await confirmDrop())) return
    selectedId.value = null
    mode.value = 'new'
    fill({ ...fromTemplate(src), name: t('notices.templates.copyName', { name: templateName(src) }).slice(0, 40) })
    // The copy is not saved yet: leaving now asks.
    savedSnapshot.value = ''
  }

  async function load() {
    loading.value = true
    try {
      await store.loadTemplates()
      const keep = selected.value
      if (keep) show(keep)
      else if (templates.value[0]) show(templates.value[0])
      else active.value = false
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  async function save(): Promise<boolean> {
    if (readonly.value || saving.value) return false
    problems.value = validateTemplate(model)
    if (Object.keys(problems.value).length) return false
    saving.value = true
    try {
      const dto = await api['notice-templates'].save(
        toTemplateInput(model, mode.value === 'edit' ? selectedId.value : null),
      )
      await store.loadTemplates()
      show(store.templates.find((tpl) => tpl.id === dto.id) ?? dto)
      toastSuccess(t('notices.templates.savedDone'))
      return true
    } catch (e) {
      problems.value = showError(e, TEMPLATE_FIELDS)
      return false
    } finally {
      saving.value = false
    }
  }

  async function archive() {
    const tpl = selected.value
    if (!tpl || tpl.builtinKey || !canWrite.value || mode.value !== 'edit') return
    const question = t('notices.templates.archiveConfirm', { name: tpl.name })
    if (!(await confirmAction(question, { danger: true, confirmText: t('notices.templates.archive') }))) return
    try {
      await api['notice-templates'].archive({ id: tpl.id })
      toastSuccess(t('notices.templates.archivedDone'))
      selectedId.value = null
      savedSnapshot.value = templateSnapshot(model)
      await load()
    } catch (e) {
      showError(e)
    }
  }

  function fieldError(field: TemplateField): string {
    const p = problems.value[field]
    return p ? translateProblem(p) : ''
  }

  watch(
    () => ({ ...model }),
    () => {
      const flagged = Object.keys(problems.value)
      if (flagged.length === 0) return
      const all = validateTemplate(model)
      const next: FieldProblems = {}
      for (const f of flagged) if (all[f]) next[f] = all[f]
      problems.value = next
    },
  )

  onBeforeRouteLeave(confirmDrop)
  onMounted(load)

  return {
    templates,
    selected,
    selectedId,
    mode,
    model,
    active,
    loading,
    saving,
    canWrite,
    readonly,
    dirty,
    variables,
    select,
    startNew,
    copyAsNew,
    save,
    archive,
    fieldError,
  }
}
