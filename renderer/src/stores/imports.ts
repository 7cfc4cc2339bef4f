/**
 * The roster import in progress: which step, the file's columns and mapping, the counts and the
 * result. Kept in a store so that leaving the screen during a long import and coming back finds
 * it where it was. The rows themselves stay in main; the preview pages through them.
 */
import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { ImportCounts, ImportMapping, ImportResultDto, ImportSheetDto } from '@contract/import-dto'
import { api } from '@/api'
import { readFileAsBase64 } from '@/ui/files'

export type ImportStep = 'file' | 'mapping' | 'preview' | 'writing' | 'result'

/** How often the progress bar asks main for counts while an import writes. */
const POLL_MS = 250

export const useImportsStore = defineStore('imports', () => {
  const step = ref<ImportStep>('file')
  const sheet = ref<ImportSheetDto | null>(null)
  const mapping = ref<ImportMapping | null>(null)
  const counts = ref<ImportCounts | null>(null)
  const result = ref<ImportResultDto | null>(null)
  const progress = ref({ done: 0, total: 0 })
  const cancelling = ref(false)

  async function open(file: File): Promise<void> {
    const dataBase64 = await readFileAsBase64(file)
    const opened = await api.import.open({ fileName: file.name, dataBase64 })
    sheet.value = opened
    mapping.value = { ...(opened.remembered ?? opened.guessed) }
    counts.value = null
    result.value = null
    step.value = 'mapping'
  }

  async function check(): Promise<void> {
    if (!sheet.value || !mapping.value) return
    const checked = await api.import.check({ importId: sheet.value.importId, mapping: mapping.value })
    counts.value = checked.counts
    step.value = 'preview'
  }

  async function run(mode: 'valid' | 'all', duplicates: 'skip' | 'update'): Promise<void> {
    if (!sheet.value) return
    const importId = sheet.value.importId
    step.value = 'writing'
    cancelling.value = false
    progress.value = { done: 0, total: 0 }
    const timer = setInterval(() => {
      api.import
        .progress({ importId })
        .then((p) => {
          if (p.phase === 'writing') progress.value = { done: p.done, total: p.total }
        })
        .catch(() => undefined)
    }, POLL_MS)
    try {
      result.value = await api.import.run({ importId, mode, duplicates })
      step.value = 'result'
    } catch (error) {
      result.value = { status: 'failed', created: 0, updated: 0, skipped: 0, refused: 0 }
      step.value = 'result'
      throw error
    } finally {
      clearInterval(timer)
    }
  }

  async function cancel(): Promise<void> {
    if (!sheet.value) return
    cancelling.value = true
    await api.import.cancel({ importId: sheet.value.importId })
  }

  function clear(): void {
    step.value = 'file'
    sheet.value = null
    mapping.value = null
    counts.value = null
    result.value = null
    progress.value = { done: 0, total: 0 }
    cancelling.value = false
  }

  return { step, sheet, mapping, counts, result, progress, cancelling, open, check, run, cancel, clear }
})
