/**
 * Issue texts for the preview and the report. Main sends keys and params; the field name comes
 * from this screen's field labels. For the report, the same messages go to main as templates
 * with their `{param}` placeholders intact, so the file is written in the user's language.
 */
import { useI18n } from 'vue-i18n'
import type { ImportIssue } from '@contract/import-dto'
import { IMPORT_FIELDS, IMPORT_OUTCOMES } from '@contract/import-dto'

const PARAMS = ['field', 'shown', 'id', 'length', 'value', 'grid', 'tag', 'max', 'row', 'name'] as const

export function useIssueText() {
  const { t, te, tm } = useI18n()

  function issueText(issue: ImportIssue): string {
    const key = `imports.issue.${issue.key}`
    if (!te(key)) return issue.key
    const field = issue.field ? t(`imports.field.${issue.field}`) : ''
    return t(key, { field, ...(issue.params ?? {}) })
  }

  function reportLabels(importId: string) {
    const placeholders = Object.fromEntries(PARAMS.map((p) => [p, `{${p}}`]))
    const issues = Object.fromEntries(
      Object.keys(tm('imports.issue') as Record<string, unknown>).map((key) => [
        key,
        t(`imports.issue.${key}`, placeholders),
      ]),
    )
    return {
      importId,
      fileName: t('imports.reportFile'),
      headers: {
        row: t('imports.reportHeaders.row'),
        outcome: t('imports.reportHeaders.outcome'),
        reason: t('imports.reportHeaders.reason'),
      },
      outcomes: Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, t(`imports.outcome.${o}`)])),
      fields: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, t(`imports.field.${f}`)])),
      issues,
    }
  }

  return { issueText, reportLabels }
}
