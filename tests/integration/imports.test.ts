/** Roster import against files shaped like real community rosters, on a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportMapping, ImportRowDto } from '../../electron/contract/import-dto'
import { importSchemas } from '../../electron/contract/import-schemas'
import type { CallContext } from '../../electron/services/context'
import { base64, realisticRoster, rosterCsv, rosterXlsx, validId } from '../helpers/rosters'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { buildCommunity, query, residentInput } from './fixtures'

let t: TempContainer
let call: CallContext
const clock = testClock('2026-11-24T02:00:00Z')

beforeEach(async () => {
  t = await tempContainer({ now: clock.now })
  call = await setupAdmin(t.services)
  await buildCommunity(t.services, call)
})
afterEach(async () => t.dispose())

const run = (importId: string, mode: 'valid' | 'all' = 'valid', duplicates: 'skip' | 'update' = 'skip') =>
  importSchemas.run.parse({ importId, mode, duplicates })

async function openRealistic(existingId?: string) {
  const roster = realisticRoster(existingId)
  const file = await rosterXlsx({
    titles: roster.titles,
    headers: roster.headers,
    rows: roster.rows.map((r) => r.values),
    mergeDown: roster.mergeDown,
  })
  const sheet = await t.services.imports.open(call, { fileName: '幸福社区花名册.xlsx', dataBase64: base64(file) })
  return { roster, sheet }
}

async function allRows(importId: string): Promise<ImportRowDto[]> {
  return t.services.imports.rows(call, { importId, page: 1, pageSize: 500 }).items
}

async function residentCount(): Promise<number> {
  return t.services.models.Resident.count()
}

describe('opening a roster', () => {
  it('finds the header under merged title rows and guesses every usual header', async () => {
    const { sheet } = await openRealistic()
    expect(sheet.headerRow).toBe(3)
    expect(sheet.columns.map((c) => c.header)).toContain('公民身份号码')
    const g = sheet.guessed
    expect([g.name, g.gender, g.idNumber, g.mobile, g.grid, g.address, g.relationToHead, g.tags, g.notes]).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ])
    expect(g.landline).toBeNull()
    expect(sheet.remembered).toBeNull()
    expect(sheet.dataRows).toBe(11)
  })

  it('remembers the mapping the user chose, by header, for the next file', async () => {
    const { sheet } = await openRealistic()
    // The user decides 备注 is not wanted and maps 序号 nowhere: the next file opens with that choice.
    const mapping: ImportMapping = { ...sheet.guessed, notes: null }
    await t.services.imports.check(call, { importId: sheet.importId, mapping })
    const again = await openRealistic()
    expect(again.sheet.remembered).toEqual(mapping)
  })

  it('reads a UTF-8 csv and a GBK csv (Excel on a Chinese Windows)', async () => {
    const csv = rosterCsv(['姓名', '身份证号', '手机'], [['张三', validId('19600101', '011'), '13800001111']])
    const utf8 = await t.services.imports.open(call, { fileName: 'a.csv', dataBase64: base64(csv) })
    expect(utf8.encoding).toBe('utf-8')
    expect(utf8.guessed.idNumber).toBe(1)
    // 姓名,身份证号\r\n张三,<id> in GBK bytes.
    const gbk = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4, 0xba, 0xc5, 0x0d, 0x0a]),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c]),
      Buffer.from(validId('19600101', '011') + '\r\n', 'ascii'),
    ])
    const sheet = await t.services.imports.open(call, { fileName: 'b.csv', dataBase64: base64(gbk) })
    expect(sheet.encoding).toBe('gbk')
    expect(sheet.columns.map((c) => c.header)).toEqual(['姓名', '身份证号'])
    expect(sheet.columns[0]!.samples).toEqual(['张三'])
  })

  it('refuses a file that is no roster with a reason', async () => {
    const e = await failure(
      t.services.imports.open(call, { fileName: 'x.xlsx', dataBase64: base64(Buffer.from('PK\u0003\u0004garbage')) }),
    )
    expect(e.message).toBe('errors.imports.unreadable')
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(
      (await failure(t.services.imports.open(call, { fileName: 'old.xls', dataBase64: base64(xls) }))).message,
    ).toBe('errors.imports.oldXls')
    const noHeader = rosterCsv(['a', 'b'], [['1', '2']])
    expect(
      (await failure(t.services.imports.open(call, { fileName: 'x.csv', dataBase64: base64(noHeader) }))).message,
    ).toBe('errors.imports.noHeader')
  })
})

describe('checking without writing', () => {
  it('gives every row its outcome and reason, cleans what it can, and writes nothing', async () => {
    const zhaoId = validId('19560606', '118')
    await t.services.residents.create(call, residentInput({ name: '陈已有', idNumber: zhaoId, tagIds: [] }))
    const before = await residentCount()
    const { roster, sheet } = await openRealistic(zhaoId)
    const checked = await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    expect(checked.counts).toMatchObject({
      ok: 3,
      warning: 1,
      refused: 5,
      duplicate: 2,
      duplicateInFile: 1,
      duplicateExisting: 1,
      blank: 1,
      total: 11,
    })
    const rows = await allRows(sheet.importId)
    const expected = roster.rows.filter((r) => r.outcome !== 'blank')
    expect(rows.map((r) => r.outcome)).toEqual(expected.map((r) => r.outcome))
    for (const [i, r] of expected.entries()) {
      if (r.key)
        expect(
          rows[i]!.issues.map((x) => x.key),
          `row ${rows[i]!.row}`,
        ).toContain(r.key)
    }
    // Sheet row numbers as Excel shows them: two title rows, the header, then data (the blank one is row 7).
    expect(rows[0]!.row).toBe(4)
    expect(rows[3]!.row).toBe(8)
    // Cleaned and said so.
    expect(rows[0]!.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'cleaned', key: 'spaces', field: 'mobile' })]),
    )
    expect(rows[1]!.issues).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'plus86' })]))
    expect(rows[2]!.issues.map((i) => i.key)).toEqual(expect.arrayContaining(['nameSpaces', 'lowerX', 'fullWidth']))
    expect(rows[2]!.name).toBe('王伟')
    // The number Excel kept is shown, and the reason says its last digits are gone.
    const asNumber = rows.find((r) => r.issues.some((i) => i.key === 'idStoredAsNumber'))!
    expect(asNumber.issues.find((i) => i.key === 'idStoredAsNumber')!.params).toEqual({ shown: '110105194912310000' })
    // Numbers on screen are masked.
    expect(rows[0]!.idNumber).toMatch(/^510703\*{8}\d{3}[\dX]$/)
    expect(await residentCount()).toBe(before)
  })

  it('pages and filters the preview by outcome', async () => {
    const { sheet } = await openRealistic()
    await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    const refused = t.services.imports.rows(call, {
      importId: sheet.importId,
      outcome: 'refused',
      page: 1,
      pageSize: 2,
    })
    expect(refused.total).toBe(5)
    expect(refused.items).toHaveLength(2)
    expect(refused.items.every((r) => r.outcome === 'refused')).toBe(true)
  })
})

describe('writing', () => {
  it('imports the valid rows in one go: households, heads, tags, and found by the normal search', async () => {
    const { sheet } = await openRealistic()
    await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    const result = await t.services.imports.run(call, run(sheet.importId))
    expect(result).toMatchObject({ status: 'done', created: 4, updated: 0, refused: 5 })
    const s = t.services
    const zhang = (await s.residents.list(query({ q: '张国华' }))).items
    expect(zhang).toHaveLength(1)
    expect(zhang[0]!.address).toBe('幸福小区3栋2单元501')
    expect(zhang[0]!.tags).toContain('独居')
    // Pinyin initials and the address find them like any file.
    expect((await s.residents.list(query({ q: 'zgh' }))).items.map((r) => r.name)).toContain('张国华')
    expect((await s.residents.list(query({ q: '幸福小区3栋' }))).items.map((r) => r.name).sort()).toEqual([
      '张国华',
      '李秀英',
    ])
    const li = (await s.residents.list(query({ q: '李秀英' }))).items[0]!
    expect(li.householdId).toBe(zhang[0]!.householdId)
    expect(li.tags.sort()).toEqual(['低保', '空巢'])
    const household = await s.models.Household.findByPk(zhang[0]!.householdId!)
    expect(household!.headResidentId).toBe(zhang[0]!.id)
    const wang = await s.residents.get((await s.residents.list(query({ q: '王伟' }))).items[0]!.id)
    expect(wang.gender).toBe('M')
    expect(wang.birthDate).toBe('1980-01-01')
    expect(wang.notes).toBe('新迁入')
    const old = await s.residents.get((await s.residents.list(query({ q: '郑老汉' }))).items[0]!.id)
    expect(old.warnings).toContain('legacyId')
    expect(old.landline).toBe('0816-2345678')
    // The place appeared under its grid in the tree.
    const tree = JSON.stringify(await s.places.tree())
    expect(tree).toContain('幸福小区3栋2单元501')
    // One audit row for the import, with the counts and the file name.
    const audit = await s.models.Audit.findAll({ where: { action: 'import' } })
    expect(audit).toHaveLength(1)
    const after = JSON.parse(audit[0]!.after!) as { createdIds: [number, number] }
    expect(after).toMatchObject({ fileName: '幸福社区花名册.xlsx', created: 4, refused: 5, updatedIds: [] })
    expect(after.createdIds).toEqual([zhang[0]!.id, zhang[0]!.id + 3])
    expect(await s.models.Audit.count({ where: { entity: 'resident', action: 'create' } })).toBe(0)
  })

  it('"all or nothing" writes nothing while any row is refused', async () => {
    const { sheet } = await openRealistic()
    await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    const before = await residentCount()
    const result = await t.services.imports.run(call, run(sheet.importId, 'all'))
    expect(result.status).toBe('notAllValid')
    expect(await residentCount()).toBe(before)
  })

  it('updates files already on record when asked, and skips them otherwise', async () => {
    const existing = validId('19560606', '118')
    const chen = await t.services.residents.create(
      call,
      residentInput({ name: '陈已有', idNumber: existing, notes: '旧备注', tagIds: [] }),
    )
    const skip = await openRealistic(existing)
    await t.services.imports.check(call, { importId: skip.sheet.importId, mapping: skip.sheet.guessed })
    expect((await t.services.imports.run(call, run(skip.sheet.importId))).updated).toBe(0)
    expect((await t.services.residents.get(chen.id)).mobile).toBeNull()

    const update = await openRealistic(existing)
    await t.services.imports.check(call, { importId: update.sheet.importId, mapping: update.sheet.guessed })
    const result = await t.services.imports.run(call, run(update.sheet.importId, 'valid', 'update'))
    // Chen, and the four the first run created: this time the user chose to update them.
    expect(result.updated).toBe(5)
    expect(result.created).toBe(0)
    const after = await t.services.residents.get(chen.id)
    expect(after.mobile).toBe('138****6666')
    expect(after.address).toBe('和平街8号')
    // The empty 备注 cell did not erase the file's notes.
    expect(after.notes).toBe('旧备注')
  })

  it('a cancel half-way leaves the database as it was', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [
      `居民${i}`,
      validId('19700101', String(100 + (i % 900)).padStart(3, '0'), String(510000 + Math.floor(i / 900))),
    ])
    const file = await rosterXlsx({ titles: ['和平社区居民名册'], headers: ['姓名', '身份证号'], rows })
    const sheet = await t.services.imports.open(call, { fileName: 'big.xlsx', dataBase64: base64(file) })
    const checked = await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    expect(checked.counts.ok + checked.counts.warning).toBe(2500)
    const before = { residents: await residentCount(), audit: await t.services.models.Audit.count() }
    const seen: number[] = []
    const result = await t.services.imports.run(call, run(sheet.importId), {
      beforeChunk: (done) => {
        seen.push(done)
        const progress = t.services.imports.progress(call, sheet.importId)
        expect(progress.phase).toBe('writing')
        if (done >= 1000) expect(t.services.imports.cancel(call, sheet.importId).cancelled).toBe(true)
      },
    })
    expect(result.status).toBe('cancelled')
    expect(seen).toContain(1000)
    expect(t.services.imports.progress(call, sheet.importId).phase).toBe('cancelled')
    expect(await residentCount()).toBe(before.residents)
    expect(await t.services.models.Audit.count()).toBe(before.audit)
    expect((await t.services.residents.list(query({ q: '居民1' }))).total).toBe(0)
  })

  it('a crash at row 2000 leaves the database as it was', async () => {
    const { sheet } = await openRealistic()
    const rows = Array.from({ length: 2500 }, (_, i) => [
      `居民${i}`,
      validId('19700101', String(100 + (i % 900)).padStart(3, '0'), String(510000 + Math.floor(i / 900))),
      '一网格',
      `幸福小区${i}号`,
    ])
    const file = await rosterXlsx({ headers: ['姓名', '身份证号', '网格', '住址'], rows })
    const big = await t.services.imports.open(call, { fileName: 'big.xlsx', dataBase64: base64(file) })
    await t.services.imports.check(call, { importId: big.importId, mapping: big.guessed })
    const before = {
      residents: await residentCount(),
      places: await t.services.models.Place.count(),
      households: await t.services.models.Household.count(),
    }
    const crash = t.services.imports.run(call, run(big.importId), {
      beforeChunk: (done) => {
        if (done >= 2000) throw new Error('simulated crash at row 2000')
      },
    })
    await expect(crash).rejects.toThrow('simulated crash')
    expect(t.services.imports.progress(call, big.importId).phase).toBe('failed')
    expect(await residentCount()).toBe(before.residents)
    expect(await t.services.models.Place.count()).toBe(before.places)
    expect(await t.services.models.Household.count()).toBe(before.households)
    // The database still works, and the place tree was not left pointing at rolled-back places.
    await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    expect((await t.services.imports.run(call, run(sheet.importId))).created).toBe(4)
  })
})

describe('files handed out', () => {
  it('the template has the Chinese headers the guesser knows, with the ID column as text', async () => {
    const file = await t.services.imports.template()
    const sheet = await t.services.imports
      .open(call, { fileName: 'tpl.xlsx', dataBase64: file.dataBase64 })
      .catch(() => null)
    // An empty template has a header and no rows: it opens, and every field is guessed.
    expect(sheet).not.toBeNull()
    expect(Object.values(sheet!.guessed).every((v) => v !== null)).toBe(true)
  })

  it('the report lists every row with its outcome and reason in the words the renderer sent', async () => {
    const { sheet } = await openRealistic()
    await t.services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
    const file = await t.services.imports.report(call, {
      importId: sheet.importId,
      fileName: '导入报告',
      headers: { row: '行号', outcome: '结果', reason: '原因' },
      outcomes: { ok: '通过', warning: '警告', refused: '拒绝', duplicate: '重复' },
      fields: { idNumber: '身份证号' },
      issues: { idStoredAsNumber: '身份证号被Excel存为数字（{shown}），后几位已丢失', idChecksum: '校验位错误' },
    })
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer)
    const values: string[][] = []
    workbook.worksheets[0]!.eachRow((row) =>
      values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    )
    expect(values[0]).toEqual([
      '行号',
      '序号',
      '姓 名',
      '性别',
      '公民身份号码',
      '联系电话',
      '网格',
      '现居住地址',
      '与户主关系',
      '人员类别',
      '备注',
      '结果',
      '原因',
    ])
    expect(values).toHaveLength(11)
    const sun = values.find((v) => v[2] === '孙强')!
    expect(sun.at(-2)).toBe('拒绝')
    expect(sun.at(-1)).toBe('身份证号被Excel存为数字（110105194912310000），后几位已丢失')
  })
})
