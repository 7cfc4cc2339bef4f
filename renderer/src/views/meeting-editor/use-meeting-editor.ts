/**
 * One meeting in the editor: load, save (refused over a newer version, the typed text kept),
 * finalise, amend, discard, the follow-ups' done marks (also after finalising), attachments, a
 * meeting notice made from it, and the question before leaving with unsaved changes.
 */
import { computed, reactive, ref, watch } from 'vue'
import { onBeforeRouteLeave, onBeforeRouteUpdate, useRouter } from 'vue-router'
import type { MeetingDto, PartyMemberDto } from '@contract/party-dto'
import { api, ApiError } from '@/api'
import { describeError, payloadOf, translateProblem, type FieldProblems } from '@/api/errors'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { confirmAction, toastError, toastSuccess } from '@/ui/feedback'
import { showError, whileBusy } from '@/ui/show-error'
import { downloadBase64, readFileAsBase64 } from '@/ui/files'
import {
  emptyMeetingModel,
  fromMeeting,
  liveChecks,
  snapshotOf,
  toMeetingData,
  validateMeeting,
  type MeetingField,
  type MeetingFormModel,
} from './meeting-model'

/** Messages main uses for "changed by someone else since you opened it". */
const STALE_MESSAGES = new Set(['errors.party.staleEdit', 'errors.staleEdit'])

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

export function useMeetingEditor(id: () => number) {
  const auth = useAuthStore()
  const router = useRouter()
  const { t } = i18n.global

  const meeting = ref<MeetingDto | null>(null)
  const model = reactive<MeetingFormModel>(emptyMeetingModel())
  const savedSnapshot = ref(snapshotOf(model))
  const loading = ref(false)
  const saving = ref(false)
  const busy = ref(false)
  /** Why the last file was refused, shown under the upload button. */
  const attachError = ref<string | null>(null)
  const stale = ref(false)
  const problems = ref<FieldProblems>({})
  /** The branch's members, to add to the attendance and to pick chair, recorder and owners from. */
  const branchMembers = ref<PartyMemberDto[]>([])

  const canWrite = computed(() => auth.can('party.write'))
  const editable = computed(() => meeting.value?.status === 'draft' && canWrite.value)
  const dirty = computed(() => editable.value && snapshotOf(model) !== savedSnapshot.value)
  const checks = computed(() => (meeting.value ? liveChecks(meeting.value.type, model.attendance, model.agenda) : null))

  function apply(dto: MeetingDto) {
    meeting.value = dto
    Object.assign(model, fromMeeting(dto))
    savedSnapshot.value = snapshotOf(model)
    problems.value = {}
    stale.value = false
  }

  async function loadMembers(branchId: number) {
    try {
      const page = await api.members.list({ branchId, pageSize: 200, page: 1 })
      branchMembers.value = page.items.filter((m) => m.status !== 'left')
    } catch (e) {
      showError(e)
    }
  }

  async function load() {
    loading.value = true
    try {
      const dto = await api.meetings.get({ id: id() })
      apply(dto)
      void loadMembers(dto.branchId)
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  async function save(options: { quiet?: boolean } = {}): Promise<boolean> {
    const m = meeting.value
    if (!m || !editable.value || saving.value) return false
    problems.value = validateMeeting(model)
    if (Object.keys(problems.value).length) {
      toastError(t('errors.validation'))
      return false
    }
    saving.value = true
    const data = toMeetingData(model, m.type)
    const snapshot = snapshotOf(model)
    try {
      const dto = await api.meetings.update({ id: m.id, data, expectedUpdatedAt: m.updatedAt })
      if (snapshotOf(model) === snapshot) {
        // Nothing typed meanwhile: take main's record (new follow-ups get their ids).
        apply(dto)
      } else {
        // Typing went on while saving: keep it, it is still unsaved.
        meeting.value = dto
        savedSnapshot.value = snapshot
      }
      stale.value = false
      if (!options.quiet) toastSuccess(t('party.editor.saved'))
      return true
    } catch (e) {
      const payload = payloadOf(e)
      if (payload.code === 'CONFLICT' && STALE_MESSAGES.has(payload.message)) {
        stale.value = true
        toastError(t('party.editor.staleEdit'))
        return false
      }
      // Main names fields as the input has them (`data.place`); the form, without the wrapper.
      const fields = payload.fields?.map((f) => ({ ...f, path: f.path.replace(/^data\./, '') }))
      problems.value = showError(new ApiError({ ...payload, fields }), ['title', 'startAt', 'endAt', 'place'])
      return false
    } finally {
      saving.value = false
    }
  }

  async function finalise() {
    const m = meeting.value
    if (!m || !editable.value || busy.value) return
    const question = t('party.editor.finaliseConfirm', { title: model.title.trim() || m.title })
    if (!(await confirmAction(question, { confirmText: t('party.editor.finaliseAction') }))) return
    if (dirty.value && !(await save({ quiet: true }))) return
    await whileBusy(busy, async () => {
      apply(await api.meetings.finalise({ id: m.id }))
      toastSuccess(t('party.editor.finalisedDone'))
    })
  }

  async function amend(text: string): Promise<boolean> {
    const m = meeting.value
    if (!m || busy.value || !text.trim()) return false
    return whileBusy(busy, async () => {
      apply(await api.meetings.amend({ id: m.id, text: text.trim() }))
      toastSuccess(t('party.editor.amend.done'))
    })
  }

  async function discard() {
    const m = meeting.value
    if (!m || !editable.value || busy.value) return
    const question = t('party.editor.discardConfirm', { title: model.title.trim() || m.title })
    if (!(await confirmAction(question, { danger: true, confirmText: t('party.editor.discardAction') }))) return
    await whileBusy(busy, async () => {
      await api.meetings.discard({ id: m.id })
      savedSnapshot.value = snapshotOf(model)
      toastSuccess(t('party.editor.discarded'))
      await router.push({ name: 'meetings' })
    })
  }

  async function makeNotice() {
    const m = meeting.value
    if (!m || busy.value) return
    if (dirty.value && !(await save({ quiet: true }))) return
    await whileBusy(busy, async () => {
      const notice = await api.meetings.makeNotice({ id: m.id })
      toastSuccess(t('party.editor.noticeMade'))
      await router.push({ name: 'notice', params: { id: notice.id } })
    })
  }

  /** Saves first when needed; resolves to whether the record on file matches the screen. */
  async function readyToPrint(): Promise<boolean> {
    if (!meeting.value) return false
    if (dirty.value) return save({ quiet: true })
    return true
  }

  async function setFollowUpDone(followUpId: number, done: boolean) {
    const m = meeting.value
    if (!m) return
    try {
      const dto = await api.meetings.followUpDone({ id: followUpId, done })
      m.followUps = m.followUps.map((f) => (f.id === dto.id ? dto : f))
      toastSuccess(t('party.editor.followUps.doneSaved'))
    } catch (e) {
      showError(e)
    }
  }

  async function addAttachment(file: File): Promise<void> {
    const m = meeting.value
    if (!m) return
    attachError.value = null
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      attachError.value = t('party.editor.attachments.wrongType')
      return
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      attachError.value = t('party.editor.attachments.tooBig')
      return
    }
    busy.value = true
    try {
      const dataBase64 = await readFileAsBase64(file)
      const added = await api.meetings.attach({
        meetingId: m.id,
        fileName: file.name.slice(0, 200),
        mime: file.type as (typeof ATTACHMENT_TYPES)[number],
        dataBase64,
      })
      m.attachments = [...m.attachments, added]
      toastSuccess(t('party.editor.attachments.added'))
    } catch (e) {
      // The refusal belongs next to the upload, where the user is looking, not in a passing toast.
      const described = describeError(e)
      if (described.toast && described.code !== 'LOCKED') attachError.value = described.toast
    } finally {
      busy.value = false
    }
  }

  async function downloadAttachment(attachmentId: number) {
    try {
      const file = await api.meetings.attachment({ id: attachmentId })
      downloadBase64(file.dataBase64, file.fileName, file.mime)
    } catch (e) {
      showError(e)
    }
  }

  async function removeAttachment(attachmentId: number, name: string) {
    const m = meeting.value
    if (!m || !editable.value) return
    if (!(await confirmAction(t('party.editor.attachments.removeConfirm', { name }), { danger: true }))) return
    try {
      await api.meetings.removeAttachment({ id: attachmentId })
      m.attachments = m.attachments.filter((a) => a.id !== attachmentId)
    } catch (e) {
      showError(e)
    }
  }

  async function confirmLeave(): Promise<boolean> {
    if (!dirty.value) return true
    return confirmAction(t('party.editor.leaveConfirm'), { danger: true, confirmText: t('party.editor.leaveAction') })
  }
  onBeforeRouteLeave(confirmLeave)
  onBeforeRouteUpdate((to, from) => (to.params.id === from.params.id ? true : confirmLeave()))

  function fieldError(field: MeetingField): string {
    const p = problems.value[field]
    return p ? translateProblem(p) : ''
  }

  watch(id, load, { immediate: true })

  return {
    meeting,
    model,
    loading,
    saving,
    busy,
    stale,
    canWrite,
    editable,
    dirty,
    checks,
    branchMembers,
    load,
    save,
    finalise,
    amend,
    discard,
    makeNotice,
    readyToPrint,
    setFollowUpDone,
    addAttachment,
    attachError,
    downloadAttachment,
    removeAttachment,
    fieldError,
  }
}
