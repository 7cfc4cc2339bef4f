// @vitest-environment happy-dom
/**
 * The import screen against a fake main: the preview shows reasons in the user's language, the
 * report request carries message templates with their placeholders intact (main fills them in),
 * and the run sends the chosen mode and duplicate policy.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ImportCounts, ImportRowDto, ImportSheetDto } from '@contract/import-dto'
import ImportView from '@/views/import/index.vue'
import { useImportsStore } from '@/stores/imports'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn } from './support/mount-app'
import { session } from './support/fixtures'

const IMPORT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const counts: ImportCounts = {
  ok: 1,
  warning: 0,
  refused: 1,
  duplicate: 0,
  duplicateInFile: 0,
  duplicateExisting: 0,
  blank: 0,
  total: 2,
}
const rows: ImportRowDto[] = [
  {
    row: 4,
    outcome: 'ok',
    name: '张国华',
    idNumber: '510703********1314',
    issues: [{ kind: 'cleaned', key: 'plus86', field: 'mobile' }],
  },
  {
    row: 5,
    outcome: 'refused',
    name: '孙强',
    idNumber: null,
    issues: [{ kind: 'refused', key: 'idStoredAsNumber', field: 'idNumber', params: { shown: '110105194912310000' } }],
  },
]
const sheet = { importId: IMPORT_ID, fileName: '花名册.xlsx' } as ImportSheetDto

let mounted: Awaited<ReturnType<typeof mountWithApp>> | null = null
beforeEach(() =>
  resetStation({
    'import:rows': () => ({ items: rows, total: 2, page: 1, pageSize: 50 }),
    'import:report': () => ({ fileName: '导入报告.xlsx', mime: 'application/octet-stream', dataBase64: 'UEs=' }),
    'import:run': () => ({ status: 'done', created: 1, updated: 0, skipped: 1, refused: 1 }),
    'import:progress': () => ({ phase: 'writing', done: 0, total: 1 }),
  }),
)
afterEach(() => {
  mounted?.wrapper.unmount()
  mounted = null
})

async function mountPreview() {
  const pinia = signedIn(session('staff'))
  const store = useImportsStore()
  store.sheet = sheet
  store.counts = counts
  store.step = 'preview'
  mounted = await mountWithApp(ImportView, { pinia })
  await flushPromises()
  return store
}

describe('import screen', () => {
  it('shows each row with its outcome and its reasons in Chinese', async () => {
    await mountPreview()
    expect(byTestId('import-counts')?.textContent).toContain('共 2 行')
    const issues = allByTestId('import-row-issues').map((el) => el.textContent ?? '')
    expect(issues[0]).toContain('手机号：已去掉 +86')
    expect(issues[1]).toContain('身份证号被 Excel 存成了数字（110105194912310000），最后几位已经丢失')
  })

  it('asks main for the report with templates whose placeholders main will fill', async () => {
    await mountPreview()
    byTestId('import-report-preview')!.click()
    await flushPromises()
    const [request] = callsTo('import:report')
    expect(request!.importId).toBe(IMPORT_ID)
    expect(request!.headers).toEqual({ row: '行号', outcome: '结果', reason: '原因' })
    expect(request!.issues.idStoredAsNumber).toContain('（{shown}）')
    expect(request!.issues.fullWidth).toBe('{field}：全角数字已改为半角')
    expect(request!.fields!.idNumber).toBe('身份证号')
    expect(request!.outcomes.refused).toBe('不导入')
  })

  it('runs with the chosen mode and duplicate policy and shows the result', async () => {
    await mountPreview()
    byTestId('import-duplicates-update')!.click()
    await flushPromises()
    byTestId('import-run')!.click()
    await flushPromises()
    expect(callsTo('import:run')[0]).toMatchObject({ importId: IMPORT_ID, mode: 'valid', duplicates: 'update' })
    expect(byTestId('import-result-text')?.textContent).toContain('新建 1 人')
  })
})
