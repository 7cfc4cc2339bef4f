/**
 * The create/edit form: loads a file (numbers stay masked: a blank number field keeps the stored one),
 * validates with the shared schema as the user goes, and keeps every typed value when a save fails.
 */
import { computed, reactive, ref, watch } from 'vue'
import type { ResidentDto } from '@contract/dto'
import { api } from '@/api'
import { translateProblem, translateWarning, type FieldProblems, type Problem } from '@/api/errors'
import { showError } from '@/ui/show-error'
import { i18n } from '@/i18n'
import { toastSuccess, toastWarning } from '@/ui/feedback'
import {
  derivedOf,
  emptyResident,
  keepsIdNumber,
  fromDto,
  mobileWarning,
  RESIDENT_FIELDS,
  toInput,
  validateResident,
  type ResidentField,
  type ResidentFormModel,
} from './rules'

export function useResidentForm(onSaved: (dto: ResidentDto) => void) {
  const model = reactive(emptyResident())
  const editingId = ref<number | null>(null)
  /** The file's version when it was opened, so a save over someone else's change is refused. */
  const openedVersion = ref<string | null>(null)
  const loading = ref(false)
  const saving = ref(false)

  /** Problems found here, with the shared schema. */
  const local = ref<FieldProblems>({})
  /** Problems main reported (a duplicate ID …), each shown until its field changes. */
  const remote = ref<Record<string, { problem: Problem; value: string }>>({})

  const valueOf = (field: string) => JSON.stringify(model[field as keyof ResidentFormModel] ?? null)

  const problems = computed<FieldProblems>(() => {
    const out: FieldProblems = {}
    for (const [field, r] of Object.entries(remote.value)) if (valueOf(field) === r.value) out[field] = r.problem
    return { ...out, ...local.value }
  })

  const derived = computed(() => derivedOf(model))
  const hasId = computed(() => model.idNumber.trim() !== '' || keepsIdNumber(model))
  const mobileNote = computed(() => mobileWarning(model.mobile))

  function reset(next: ResidentFormModel = emptyResident()) {
    Object.assign(model, next)
    local.value = {}
    remote.value = {}
  }

  async function open(id: number | null, preset: Partial<ResidentFormModel> = {}) {
    editingId.value = id
    openedVersion.value = null
    reset({ ...emptyResident(), ...preset })
    if (id === null) return
    loading.value = true
    try {
      // Only masks come back: a blank number field in the form keeps the stored number.
      const dto = await api.residents.get({ id })
      openedVersion.value = dto.updatedAt
      reset(fromDto(dto))
    } finally {
      loading.value = false
    }
  }

  /** Re-checks one field (on blur or change) without flagging fields the user has not reached. */
  function validateField(field: ResidentField) {
    const found = validateResident(model)[field]
    const next = { ...local.value }
    if (found) next[field] = found
    else delete next[field]
    local.value = next
  }

  // A flagged field clears itself as soon as it is right.
  watch(
    () => ({ ...model, tagIds: [...model.tagIds] }),
    () => {
      const flagged = Object.keys(local.value)
      if (flagged.length === 0) return
      const all = validateResident(model)
      const next: FieldProblems = {}
      for (const f of flagged) if (all[f]) next[f] = all[f]
      local.value = next
    },
  )

  async function save(): Promise<boolean> {
    if (saving.value) return false
    remote.value = {}
    local.value = validateResident(model)
    if (Object.keys(local.value).length) return false
    saving.value = true
    const creating = editingId.value === null
    try {
      const input = toInput(model)
      const dto = creating
        ? await api.residents.create(input)
        : await api.residents.update({
            id: editingId.value as number,
            data: input,
            expectedUpdatedAt: openedVersion.value ?? undefined,
          })
      toastSuccess(i18n.global.t(creating ? 'residents.form.savedCreate' : 'residents.form.savedUpdate'))
      for (const w of dto.warnings) toastWarning(translateWarning(w))
      onSaved(dto)
      return true
    } catch (e) {
      // The model stays exactly as typed: only the messages change.
      const fields = showError(e, RESIDENT_FIELDS)
      const next: typeof remote.value = {}
      for (const [field, problem] of Object.entries(fields)) next[field] = { problem, value: valueOf(field) }
      remote.value = next
      return false
    } finally {
      saving.value = false
    }
  }

  const fieldError = (field: ResidentField) => {
    const p = problems.value[field]
    return p ? translateProblem(p) : ''
  }

  return {
    model,
    problems,
    editingId,
    loading,
    saving,
    derived,
    hasId,
    mobileNote,
    open,
    reset,
    validateField,
    save,
    fieldError,
  }
}
