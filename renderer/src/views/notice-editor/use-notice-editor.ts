/**
 * One notice in the editor: load, save (refused over a newer version, the typed text kept), issue,
 * revise, copy, discard, and the question before leaving with unsaved changes. A draft is editable
 * by an account with `notices.write`; an issued or superseded version is read-only.
 */
import { computed, reactive, ref, watch } from 'vue'
import { onBeforeRouteLeave, onBeforeRouteUpdate, useRouter } from 'vue-router'
import type { NoticeDto } from '@contract/dto'
import { api, ApiError } from '@/api'
import { payloadOf, translateProblem, type FieldProblems } from '@/api/errors'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { confirmAction, toastError, toastSuccess, toastWarning } from '@/ui/feedback'
import { showError, whileBusy } from '@/ui/show-error'
import { noticeWarnings } from './notice-warnings'
import {
  formFieldOf,
  fromNotice,
  NOTICE_FIELDS,
  snapshotOf,
  toNoticeData,
  validateNotice,
  type NoticeField,
  type NoticeFormModel,
} from './rules'

/** Messages main uses for "changed by someone else since you opened it". */
const STALE_MESSAGES = new Set(['errors.notice.staleEdit', 'errors.staleEdit'])

function emptyModel(): NoticeFormModel {
  return { title: '', bodyHtml: '', issuer: '', issueDate: '', layout: 'formal', paper: 'A4', showStamp: false }
}

export function useNoticeEditor(id: () => number) {
  const auth = useAuthStore()
  const router = useRouter()
  const { t } = i18n.global

  const notice = ref<NoticeDto | null>(null)
  const model = reactive<NoticeFormModel>(emptyModel())
  /** The form as last loaded or saved; the form differs from it when there is something to save. */
  const savedSnapshot = ref(snapshotOf(model))
  const loading = ref(false)
  const saving = ref(false)
  const busy = ref(false)
  /** Someone saved this notice after it was opened here: saving again would overwrite their change. */
  const stale = ref(false)
  const problems = ref<FieldProblems>({})

  const canWrite = computed(() => auth.can('notices.write'))
  const editable = computed(() => notice.value?.status === 'draft' && canWrite.value)
  const dirty = computed(() => editable.value && snapshotOf(model) !== savedSnapshot.value)
  const warnings = computed(() => noticeWarnings(model.title, model.bodyHtml))
  /** An issued notice is changed through a new version (main reuses an open draft of it). */
  const canRevise = computed(() => notice.value?.status === 'issued' && canWrite.value)

  function apply(dto: NoticeDto) {
    notice.value = dto
    Object.assign(model, fromNotice(dto))
    savedSnapshot.value = snapshotOf(model)
    problems.value = {}
    stale.value = false
  }

  async function load() {
    loading.value = true
    try {
      apply(await api.notices.get({ id: id() }))
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  /** Saves a draft; resolves to whether the notice on record now matches the form. */
  async function save(options: { quiet?: boolean } = {}): Promise<boolean> {
    const n = notice.value
    if (!n || !editable.value || saving.value) return false
    problems.value = validateNotice(model)
    if (Object.keys(problems.value).length) return false
    saving.value = true
    // What is sent, not what the form holds when the answer comes: typing goes on meanwhile.
    const data = toNoticeData(model)
    const snapshot = snapshotOf(model)
    try {
      const dto = await api.notices.update({ id: n.id, data, expectedUpdatedAt: n.updatedAt })
      // The form keeps what was typed (main's copy is the same text, sanitised); the record's
      // status, version and time come from main.
      notice.value = dto
      savedSnapshot.value = snapshot
      stale.value = false
      if (!options.quiet) toastSuccess(t('notices.editor.saved'))
      return true
    } catch (e) {
      const payload = payloadOf(e)
      if (payload.code === 'CONFLICT' && STALE_MESSAGES.has(payload.message)) {
        // The text stays exactly as typed: the banner says how to keep it.
        stale.value = true
        toastError(t('errors.notice.staleEdit'))
        return false
      }
      const fields = payload.fields?.map((f) => ({ ...f, path: formFieldOf(f.path) }))
      problems.value = showError(new ApiError({ ...payload, fields }), NOTICE_FIELDS)
      return false
    } finally {
      saving.value = false
    }
  }

  /** Printing and issuing are refused while `{{variables}}` are left: say so before asking main. */
  function blockedByUnfilled(): boolean {
    const names = warnings.value.unfilled
    if (names.length === 0) return false
    toastWarning(t('notices.editor.blockedUnfilled', { names: names.join('、') }))
    return true
  }

  async function issue() {
    const n = notice.value
    if (!n || !editable.value || busy.value) return
    if (blockedByUnfilled()) return
    const question = t('notices.editor.issueConfirm', { title: model.title.trim() || n.title })
    if (!(await confirmAction(question, { confirmText: t('notices.editor.issueAction') }))) return
    if (dirty.value && !(await save({ quiet: true }))) return
    await whileBusy(busy, async () => {
      apply(await api.notices.issue({ id: n.id }))
      toastSuccess(t('notices.editor.issuedDone'))
    })
  }

  async function revise() {
    const n = notice.value
    if (!n || busy.value) return
    await whileBusy(busy, async () => {
      const dto = await api.notices.revise({ id: n.id })
      toastSuccess(t('notices.editor.revisedDone', { n: dto.version }))
      await router.push({ name: 'notice', params: { id: dto.id } })
    })
  }

  /** A new draft with this notice's text; unsaved changes go into the copy too (saved first). */
  async function copy() {
    const n = notice.value
    if (!n || busy.value) return
    if (dirty.value && !(await save({ quiet: true }))) return
    await whileBusy(busy, async () => {
      const dto = await api.notices.copy({ id: n.id })
      toastSuccess(t('notices.editor.copiedDone'))
      await router.push({ name: 'notice', params: { id: dto.id } })
    })
  }

  async function discard() {
    const n = notice.value
    if (!n || !editable.value || busy.value) return
    const question = t('notices.editor.discardConfirm', { title: model.title.trim() || n.title })
    if (!(await confirmAction(question, { danger: true, confirmText: t('notices.editor.discardAction') }))) return
    await whileBusy(busy, async () => {
      await api.notices.discard({ id: n.id })
      // Nothing left to lose: leaving must not ask about the discarded changes.
      savedSnapshot.value = snapshotOf(model)
      toastSuccess(t('notices.editor.discardedDone'))
      await router.push({ name: 'notices' })
    })
  }

  /** Saves first when needed; resolves to whether the notice may be previewed and printed now. */
  async function readyToPrint(): Promise<boolean> {
    if (!notice.value || blockedByUnfilled()) return false
    if (dirty.value) return save({ quiet: true })
    return true
  }

  async function confirmLeave(): Promise<boolean> {
    if (!dirty.value) return true
    return confirmAction(t('notices.editor.leaveConfirm'), {
      danger: true,
      confirmText: t('notices.editor.leaveAction'),
    })
  }
  onBeforeRouteLeave(confirmLeave)
  // Another version of the same notice reuses this screen: the same question first.
  onBeforeRouteUpdate((to, from) => (to.params.id === from.params.id ? true : confirmLeave()))

  function fieldError(field: NoticeField): string {
    const p = problems.value[field]
    return p ? translateProblem(p) : ''
  }

  // A flagged field clears as soon as it is right.
  watch(
    () => ({ ...model }),
    () => {
      const flagged = Object.keys(problems.value)
      if (flagged.length === 0) return
      const all = validateNotice(model)
      const next: FieldProblems = {}
      for (const f of flagged) if (all[f]) next[f] = all[f]
      problems.value = next
    },
  )

  watch(id, load, { immediate: true })

  return {
    notice,
    model,
    loading,
    saving,
    busy,
    stale,
    canWrite,
    editable,
    dirty,
    warnings,
    canRevise,
    load,
    save,
    issue,
    revise,
    copy,
    discard,
    readyToPrint,
    fieldError,
  }
}
