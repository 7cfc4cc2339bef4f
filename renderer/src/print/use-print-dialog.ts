/**
 * The print dialog's state: the preview and the printers, loaded each time it opens; the choice of
 * printer and copies; the confirmation that sensitive numbers may go on paper; print and save.
 * A failure leaves everything as it was, with the reason shown in the dialog.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import type { PrintDocumentType, PrintJobDto, PrintPreviewDto, PrinterDto } from '@contract/dto'
import { api } from '@/api'
import { describeError, payloadOf } from '@/api/errors'
import { i18n } from '@/i18n'
import { toastSuccess } from '@/ui/feedback'
import { MIN_COPIES, clampCopies, preselectPrinter } from './print-choices'

export interface PrintDocumentRef {
  type: PrintDocumentType
  id: number
}

export function usePrintDialog(options: {
  isOpen: () => boolean
  document: () => PrintDocumentRef
  close: () => void
  printed: (job: PrintJobDto) => void
}) {
  const { t } = i18n.global

  const preview = shallowRef<PrintPreviewDto | null>(null)
  const previewError = shallowRef<unknown>(null)
  const loadingPreview = ref(false)

  const printers = ref<PrinterDto[]>([])
  const printersError = shallowRef<unknown>(null)
  const loadingPrinters = ref(false)
  const printer = ref<string | null>(null)
  const copies = ref(MIN_COPIES)

  const confirmed = ref(false)
  const printing = ref(false)
  const saving = ref(false)
  const actionError = shallowRef<unknown>(null)
  const savedPath = ref<string | null>(null)

  // Kept as the raw error and translated here, so the text follows a change of language.
  const previewErrorText = computed(() => (previewError.value ? describeError(previewError.value).toast : null))
  const printersErrorText = computed(() => (printersError.value ? describeError(printersError.value).toast : null))
  const actionErrorText = computed(() => (actionError.value ? describeError(actionError.value).toast : null))

  /** Trying again helps after a passing failure, not when the document itself must change first. */
  const previewRetryable = computed(() => {
    if (!previewError.value) return false
    const { code, message } = payloadOf(previewError.value)
    return code !== 'VALIDATION' && message !== 'errors.print.slipTooLong' && code !== 'NOT_FOUND'
  })
  const sensitive = computed(() => preview.value?.sensitive ?? [])
  const needsConfirm = computed(() => sensitive.value.length > 0)
  const busy = computed(() => printing.value || saving.value)
  const ready = computed(
    () => preview.value !== null && !previewError.value && (!needsConfirm.value || confirmed.value),
  )
  const canPrint = computed(() => ready.value && printer.value !== null && !busy.value)
  const canSave = computed(() => ready.value && !busy.value)

  let loadCount = 0

  async function loadPreview() {
    const mine = ++loadCount
    loadingPreview.value = true
    previewError.value = null
    confirmed.value = false
    try {
      const next = await api.print.preview({ ...options.document() })
      if (mine !== loadCount) return
      preview.value = next
    } catch (e) {
      if (mine !== loadCount) return
      preview.value = null
      previewError.value = e
    } finally {
      if (mine === loadCount) loadingPreview.value = false
    }
  }

  async function loadPrinters() {
    loadingPrinters.value = true
    printersError.value = null
    try {
      const result = await api.print.printers()
      printers.value = result.printers
      if (printer.value === null || !result.printers.some((p) => p.name === printer.value)) {
        printer.value = preselectPrinter(result.printers, result.lastPrinter)
      }
    } catch (e) {
      printers.value = []
      printer.value = null
      printersError.value = e
    } finally {
      loadingPrinters.value = false
    }
  }

  function reset() {
    preview.value = null
    previewError.value = null
    actionError.value = null
    savedPath.value = null
    confirmed.value = false
    copies.value = MIN_COPIES
  }

  async function load() {
    reset()
    await Promise.all([loadPreview(), loadPrinters()])
  }

  /** After a refusal for unconfirmed numbers the text has changed since the preview: show it again. */
  async function afterFailure(error: unknown) {
    actionError.value = error
    if (payloadOf(error).code === 'SENSITIVE_UNCONFIRMED') await loadPreview()
  }

  async function print() {
    if (!canPrint.value || printer.value === null) return
    printing.value = true
    actionError.value = null
    const count = clampCopies(copies.value)
    copies.value = count
    try {
      const job = await api.print.print({
        document: { ...options.document() },
        printer: printer.value,
        copies: count,
        confirmSensitive: needsConfirm.value && confirmed.value,
      })
      toastSuccess(t('print.printedToast', { printer: job.targetName, copies: job.copies }, job.copies))
      options.printed(job)
      options.close()
    } catch (e) {
      await afterFailure(e)
    } finally {
      printing.value = false
    }
  }

  async function savePdf() {
    if (!canSave.value) return
    saving.value = true
    actionError.value = null
    try {
      const result = await api.print.savePdf({
        document: { ...options.document() },
        confirmSensitive: needsConfirm.value && confirmed.value,
      })
      // Cancelled in the save dialog: nothing happened, so nothing is said.
      if (!result.saved) return
      savedPath.value = result.job.targetName
      toastSuccess(t('print.savedToast', { path: result.job.targetName }))
      options.printed(result.job)
    } catch (e) {
      await afterFailure(e)
    } finally {
      saving.value = false
    }
  }

  watch(
    () => (options.isOpen() ? JSON.stringify(options.document()) : null),
    (key) => {
      if (key !== null) void load()
    },
    { immediate: true },
  )

  return {
    preview,
    previewErrorText,
    previewRetryable,
    loadingPreview,
    printers,
    printersErrorText,
    loadingPrinters,
    printer,
    copies,
    confirmed,
    sensitive,
    needsConfirm,
    printing,
    saving,
    busy,
    canPrint,
    canSave,
    actionErrorText,
    savedPath,
    loadPreview,
    print,
    savePdf,
  }
}
