/**
 * The party documents rendered by real Chromium to real PDFs and read back with pdf.js: the
 * meeting record (header values, votes and their flags, "散会", signatures, page numbers, the
 * draft mark), the sign-in sheets, and the year book (continuous page numbers; the contents point
 * at the page each record starts on). The year book also goes through the print service over a
 * real SQLite file, which picks the finalised meetings of the branch and year.
 *
 * Set PRINT_TEST_OUT=/some/folder to keep the PDFs for looking at (pdftoppm -r 60 -png).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MeetingDto, MeetingType } from '../../electron/contract/party-dto'
import type { MeetingInput } from '../../electron/contract/party-schemas'
import type { CallContext } from '../../electron/services/context'
import { layOutYearBook, registerPartyPrintables } from '../../electron/services/party/party-printables'
import type { MeetingService } from '../../electron/services/party/meeting-service'
import { renderMeetingRecord } from '../../electron/services/printing/layouts/meeting-record-layout'
import { renderSignInSheet } from '../../electron/services/printing/layouts/meeting-sign-in-layout'
import { renderYearBook } from '../../electron/services/printing/layouts/year-book-layout'
import { markPages } from '../../electron/services/printing/layouts/year-book-pages'
import type { PrintDocument } from '../../electron/services/printing/print-engine'
import { countPdfPages } from '../../electron/services/printing/print-service'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { readPdf, textLines, type PdfContent, type PdfPage } from '../helpers/pdf-reader'
import { seedBranch } from '../helpers/party'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

const BRANCH = '幸福里社区第一党支部'
const noSpace = (s: string) => s.replace(/\s+/g, '')

function meeting(over: Partial<MeetingDto> = {}): MeetingDto {
  return {
    id: 1,
    branchId: 1,
    branchName: BRANCH,
    groupId: null,
    groupName: null,
    type: 'committee',
    title: '研究十一月份支部工作',
    startAt: '2026-11-24T14:30',
    endAt: '2026-11-24T16:00',
    place: '社区二楼会议室',
    status: 'finalised',
    present: 4,
    expected: 7,
    updatedAt: '2026-11-24T08:00:00.000Z',
    chairMemberId: 1,
    chairName: '王建国',
    recorderMemberId: 2,
    recorderName: '李红梅',
    lecturer: null,
    topic: null,
    theme: null,
    themeForm: null,
    attendance: [
      { memberId: 1, name: '王建国', voting: true, status: 'present', reason: null },
      { memberId: 2, name: '李红梅', voting: true, status: 'present', reason: null },
      { memberId: 3, name: '张伟', voting: true, status: 'present', reason: null },
      { memberId: 4, name: '刘芳', voting: true, status: 'leave', reason: '外出学习' },
      { memberId: 5, name: '陈明', voting: true, status: 'absent', reason: null },
      { memberId: 6, name: '周强', voting: true, status: 'absent', reason: '联系不上' },
      { memberId: 7, name: '赵小燕', voting: false, status: 'present', reason: null },
    ],
    observers: ['孙丽'],
    agenda: [
      {
        topic: '讨论确定入党积极分子',
        record: '王建国：介绍了三名申请人的情况。\n李红梅：同意，建议加强培养。\n张伟：同意。',
        dissent: '',
        vote: { for: 3, against: 0, abstain: 0 },
        resolution: '确定赵某某为入党积极分子。',
      },
      {
        topic: '研究冬季慰问困难党员',
        record: '王建国：提出慰问名单。',
        dissent: '张伟：建议增加一户。',
        vote: { for: 2, against: 1, abstain: 0 },
        resolution: '按名单开展慰问。',
      },
    ],
    followUps: [
      {
        id: 1,
        text: '培养联系人与积极分子谈话',
        ownerMemberId: 2,
        ownerName: '李红梅',
        dueDate: '2026-12-10',
        doneDate: null,
        overdue: false,
      },
    ],
    attachments: [],
    amendments: [],
    checks: {
      expected: 7,
      present: 4,
      leave: 1,
      absent: 2,
      expectedVoting: 6,
      presentVoting: 3,
      quorumApplies: true,
      quorumMet: false,
      votes: [
        { passed: true, flag: null },
        { passed: false, flag: 'noQuorum' },
      ],
    },
    finalisedAt: '2026-11-24T09:00:00.000Z',
    finalisedBy: '王建国',
    ...over,
  }
}

/** A record that fits one page: one topic, nothing to follow up. */
function short(over: Partial<MeetingDto> = {}): MeetingDto {
  const m = meeting()
  return meeting({
    agenda: [m.agenda[0]],
    followUps: [],
    checks: { ...m.checks, quorumMet: true, votes: [{ passed: true, flag: null }] },
    ...over,
  })
}

/** A record of speeches long enough to run onto a second page. */
const LONG_RECORD = Array.from(
  { length: 16 },
  (_, i) => `发言人${i + 1}：围绕社区党建引领基层治理谈了本人的认识和下一步打算，提出了具体建议。`,
).join('\n')

let engine: ChromiumPrintEngine

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
})
afterAll(async () => engine?.close())

async function render(name: string, doc: PrintDocument): Promise<{ pdf: Uint8Array; content: PdfContent }> {
  const pdf = await engine.toPdf(doc)
  const out = process.env.PRINT_TEST_OUT
  if (out) {
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, `${name}.pdf`), pdf)
  }
  return { pdf, content: await readPdf(pdf) }
}

const pageText = (p: PdfPage) =>
  noSpace(
    textLines(p)
      .map((l) => l.text)
      .join('\n'),
  )

/** The "— n —" a page carries, or null. */
function pageNumber(p: PdfPage): number | null {
  const found = textLines(p)
    .map((l) => /^—\s*(\d+)\s*—$/.exec(l.text.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
  expect(found.length).toBeLessThanOrEqual(1)
  return found.length ? Number(found[0][1]) : null
}

describe('meeting record', () => {
  let content: PdfContent
  let text: string
  beforeAll(async () => {
    ;({ content } = await render('meeting-record', renderMeetingRecord(engine, meeting())))
    text = content.pages.map(pageText).join('\n')
  })

  it('is A4, with the title and the header values', () => {
    expect(Math.round(content.pages[0].widthMm)).toBe(210)
    expect(Math.round(content.pages[0].heightMm)).toBe(297)
    for (const s of [
      `${BRANCH}会议记录`,
      `组织${BRANCH}会议类型支委会`,
      '会议主题研究十一月份支部工作',
      '时间2026年11月24日14:30—16:00',
      '地点社区二楼会议室',
      '主持人王建国记录人李红梅',
      '应到7人实到4人',
      '请假1人缺席2人',
      '应到有表决权的6人，实到3人，未过半数',
      '刘芳（请假：外出学习）；陈明（缺席）；周强（缺席：联系不上）',
      '列席人员孙丽',
    ])
      expect(text).toContain(s)
  })

  it('prints each topic with its record (line by line), dissent, vote and resolution', () => {
    const lines = content.pages.flatMap((p) => textLines(p).map((l) => noSpace(l.text)))
    expect(lines).toContain('议题一：讨论确定入党积极分子')
    // Each typed line stays a line of its own.
    expect(lines).toContain('王建国：介绍了三名申请人的情况。')
    expect(lines).toContain('李红梅：同意，建议加强培养。')
    expect(text).toContain('不同意见：无')
    expect(text).toContain('表决：同意3票，反对0票，弃权0票；通过')
    expect(text).toContain('决议：确定赵某某为入党积极分子。')
    expect(text).toContain('不同意见：张伟：建议增加一户。')
    expect(text).toContain('议定事项')
    expect(text).toContain('培养联系人与积极分子谈话李红梅2026年12月10日')
  })

  it('marks a vote taken without quorum, and only that one', () => {
    const mark = '到会有表决权的党员未过半数，本次表决不符合规定'
    expect(text).toContain(`表决：同意2票，反对1票，弃权0票；未通过【${mark}】`)
    expect(text.split(mark)).toHaveLength(2)
  })

  it('ends with "散会" and the lines the chair and the recorder sign', () => {
    const lines = content.pages.flatMap((p) => textLines(p).map((l) => noSpace(l.text)))
    const adjourn = lines.indexOf('散会')
    expect(adjourn).toBeGreaterThan(0)
    expect(lines[adjourn + 1]).toMatch(/^主持人（签字）：_{6,}记录人（签字）：_{6,}$/)
  })

  it('numbers its pages and carries no draft mark once finalised', () => {
    expect(content.pages.map(pageNumber)).toEqual(Array.from({ length: content.pageCount }, (_, i) => i + 1))
    expect(text).not.toContain('草稿')
  })

  it('prints the lecturer and title of a 党课, the theme and form of a 主题党日', async () => {
    const lecture = await render(
      'meeting-lecture',
      renderMeetingRecord(engine, meeting({ type: 'lecture', lecturer: '周书记', topic: '学习党章' })),
    )
    expect(pageText(lecture.content.pages[0])).toContain('授课人周书记题目学习党章')
    expect(pageText(lecture.content.pages[0])).toContain('会议类型党课')
    const day = await render(
      'meeting-theme-day',
      renderMeetingRecord(engine, meeting({ type: 'themeDay', theme: '清洁家园', themeForm: 'volunteer' })),
    )
    expect(pageText(day.content.pages[0])).toContain('主题清洁家园形式志愿服务')
  })

  it('numbers a two-page record "— 1 —", "— 2 —" and keeps the end on the second page', async () => {
    const m = short({ agenda: [{ ...meeting().agenda[0], record: LONG_RECORD }] })
    const { content: c } = await render('meeting-two-pages', renderMeetingRecord(engine, m))
    expect(c.pageCount).toBe(2)
    expect(c.pages.map(pageNumber)).toEqual([1, 2])
    expect(pageText(c.pages[1])).toContain('散会')
    expect(pageText(c.pages[0])).not.toContain('散会')
  })

  it('marks every page of a draft "草稿"', async () => {
    const m = short({
      status: 'draft',
      finalisedAt: null,
      finalisedBy: null,
      agenda: [{ ...meeting().agenda[0], record: LONG_RECORD }],
    })
    const { content: c } = await render('meeting-draft', renderMeetingRecord(engine, m))
    expect(c.pageCount).toBe(2)
    for (const p of c.pages) expect(pageText(p)).toContain('草稿')
    expect(pageText(c.pages[0])).toContain('尚未定稿，不作为正式会议记录')
  })

  it('prints corrections after the record, each dated and named', async () => {
    const m = short({
      amendments: [{ id: 1, at: '2026-11-25T02:20:00.000Z', byName: '李红梅', text: '第二项表决反对票应为1票。' }],
    })
    const { content: c } = await render('meeting-amended', renderMeetingRecord(engine, m))
    const t = c.pages.map(pageText).join('')
    expect(t).toContain('更正记录')
    // 02:20 UTC is 10:20 in Shanghai.
    expect(t).toContain('更正一（2026年11月25日10:20，更正人：李红梅）第二项表决反对票应为1票。')
    expect(t.indexOf('更正记录')).toBeGreaterThan(t.indexOf('散会'))
  })

  it('prints typed markup as text', async () => {
    const m = meeting({
      title: '<script>alert(1)</script>会议',
      place: '<img src=x onerror=alert(1)>',
      agenda: [{ ...meeting().agenda[0], record: '<b>不加粗</b>' }],
    })
    const doc = renderMeetingRecord(engine, m)
    expect(doc.html).not.toContain('<script>alert')
    expect(doc.html).not.toContain('<img')
    const { content: c } = await render('meeting-markup', doc)
    const t = c.pages.map(pageText).join('')
    expect(t).toContain('会议主题<script>alert(1)</script>会议')
    expect(t).toContain('地点<imgsrc=xonerror=alert(1)>')
    expect(t).toContain('<b>不加粗</b>')
  })
})

describe('sign-in sheets', () => {
  it('lists the members expected and the 列席 guest, with leave noted', async () => {
    const { content: c } = await render('sign-in', renderSignInSheet(engine, meeting(), false))
    expect(c.pageCount).toBe(1)
    const lines = textLines(c.pages[0]).map((l) => noSpace(l.text))
    expect(lines).toContain(`${BRANCH}会议签到表`)
    expect(lines).toContain('序号姓名身份签到备注')
    const rows = lines.filter((l) => /^\d+/.test(l))
    expect(rows).toEqual([
      '1王建国正式党员',
      '2李红梅正式党员',
      '3张伟正式党员',
      '4刘芳正式党员请假：外出学习',
      '5陈明正式党员',
      '6周强正式党员',
      '7赵小燕预备党员',
      '8孙丽列席',
    ])
    const t = pageText(c.pages[0])
    expect(t).toContain('会议主题：研究十一月份支部工作')
    expect(t).toContain('时间：2026年11月24日14:30—16:00')
    expect(pageNumber(c.pages[0])).toBe(1)
  })

  it('has 20 empty rows when blank, or one a member where there are more', async () => {
    const { content: c } = await render('sign-in-blank', renderSignInSheet(engine, meeting(), true))
    expect(c.pageCount).toBe(1)
    const lines = textLines(c.pages[0]).map((l) => noSpace(l.text))
    expect(lines).toContain('序号姓名身份签到备注')
    expect(lines.filter((l) => /^\d+$/.test(l))).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)))
    expect(lines.join('')).not.toContain('王建国')

    const many = meeting({
      attendance: Array.from({ length: 26 }, (_, i) => ({
        memberId: i + 1,
        name: `党员${i + 1}`,
        voting: true,
        status: 'present' as const,
        reason: null,
      })),
    })
    const big = await render('sign-in-blank-26', renderSignInSheet(engine, many, true))
    const numbers = big.content.pages.flatMap((p) =>
      textLines(p)
        .map((l) => noSpace(l.text))
        .filter((l) => /^\d+$/.test(l)),
    )
    expect(numbers).toEqual(Array.from({ length: 26 }, (_, i) => String(i + 1)))
    // The heading row repeats on the second page.
    expect(big.content.pageCount).toBe(2)
    expect(textLines(big.content.pages[1]).map((l) => noSpace(l.text))).toContain('序号姓名身份签到备注')
  })
})

/** Four finalised records of a year, the second two pages long. */
function yearMeetings(): MeetingDto[] {
  return [
    short({ id: 11, type: 'committee', title: '一月支委会：研究年度计划', startAt: '2026-01-12T09:00', endAt: null }),
    short({
      id: 12,
      type: 'general',
      title: '第一季度党员大会',
      startAt: '2026-03-20T14:30',
      endAt: '2026-03-20T16:30',
      agenda: [{ ...meeting().agenda[0], record: LONG_RECORD }],
    }),
    short({
      id: 13,
      type: 'lecture',
      title: '党课：学习新修订的条例',
      startAt: '2026-04-08T15:00',
      endAt: null,
      lecturer: '王建国',
      topic: '学习新修订的条例',
    }),
    short({
      id: 14,
      type: 'themeDay',
      title: '主题党日：<清洁家园>',
      startAt: '2026-05-05T09:00',
      endAt: null,
      theme: '清洁家园',
      themeForm: 'volunteer',
    }),
  ]
}

/** Checks the book's numbering and contents; returns the contents' page numbers by title. */
function checkBook(c: PdfContent, titles: string[]): number[] {
  // The cover carries no number; from the contents on, the pages count 1, 2, 3 … without a gap.
  expect(pageNumber(c.pages[0])).toBeNull()
  expect(pageText(c.pages[0])).toContain('三会一课记录')
  const numbers = c.pages.slice(1).map(pageNumber)
  expect(numbers).toEqual(Array.from({ length: c.pageCount - 1 }, (_, i) => i + 1))
  expect(pageText(c.pages[1])).toContain('目录')

  const tocLines = c.pages.slice(1).flatMap((p) => (pageText(p).includes('会议主题页码') ? textLines(p) : []))
  return titles.map((title) => {
    const line = tocLines.find((l) => noSpace(l.text).includes(noSpace(title)))
    expect(line, title).toBeDefined()
    const listed = Number(/(\d+)$/.exec(noSpace(line!.text))?.[1])
    // The page the record starts on: the first after the contents that shows its subject.
    const page = c.pages.find((p, i) => i > 1 && pageText(p).includes(`会议主题${noSpace(title)}`))
    expect(page, title).toBeDefined()
    expect(pageNumber(page!), title).toBe(listed)
    // And it starts there: its heading is that page's first line.
    expect(noSpace(textLines(page!)[0].text)).toBe(`${BRANCH}会议记录`)
    return listed
  })
}

describe('year book', () => {
  it('numbers pages continuously from the contents, which point at the page each record starts on', async () => {
    const meetings = yearMeetings()
    const base = { branchName: BRANCH, year: 2026, stationName: '幸福里社区党群服务中心', meetings }
    const { data, recordPages, tocPages, method } = await layOutYearBook(engine, base)
    // One rendering of the marked book, read back from its link annotations.
    expect(method).toBe('marks')
    expect(recordPages).toEqual([1, 2, 1, 1])
    expect(tocPages).toBe(1)
    expect(data.startPages).toEqual([2, 3, 5, 6])
    // The slow way (each record alone) agrees.
    const separately = await layOutYearBook(engine, base, { method: 'separately' })
    expect(separately.method).toBe('separately')
    expect(separately.data.startPages).toEqual(data.startPages)
    expect(separately.recordPages).toEqual(recordPages)
    // The printed book carries no mark links.
    expect(renderYearBook(engine, data).html).not.toContain('mark.invalid')
    const { pdf, content: c } = await render('year-book', renderYearBook(engine, data))
    expect(countPdfPages(pdf)).toBe(c.pageCount)
    expect(c.pageCount).toBe(1 + 1 + 5)
    const listed = checkBook(
      c,
      meetings.map((m) => m.title),
    )
    expect(listed).toEqual([2, 3, 5, 6])
    const cover = pageText(c.pages[0])
    expect(cover).toContain(BRANCH)
    expect(cover).toContain('2026年')
    expect(cover).toContain('幸福里社区党群服务中心')
  })

  it('counts a contents page that runs to two pages', async () => {
    const meetings = Array.from({ length: 40 }, (_, i) =>
      short({
        id: 100 + i,
        title: `第${i + 1}次支委会`,
        startAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-10T09:00`,
      }),
    )
    const started = performance.now()
    const { data, tocPages, method } = await layOutYearBook(engine, {
      branchName: BRANCH,
      year: 2026,
      stationName: '幸福里社区党群服务中心',
      meetings,
    })
    console.log(`year book of 40 records measured (${method}) in ${Math.round(performance.now() - started)} ms`)
    expect(method).toBe('marks')
    expect(tocPages).toBe(2)
    expect(data.startPages[0]).toBe(3)
    const { content: c } = await render('year-book-long-toc', renderYearBook(engine, data))
    expect(c.pageCount).toBe(1 + 2 + 40)
    checkBook(c, ['第1次支委会', '第17次支委会', '第40次支委会'])
  }, 120_000)
})

describe('year book marks', () => {
  it('finds no marks in a PDF without them, so the book is measured record by record', async () => {
    const pdf = await engine.toPdf(renderMeetingRecord(engine, short()))
    expect(markPages(pdf, 1)).toBeNull()
    expect(markPages(new Uint8Array(Buffer.from('not a pdf')), 1)).toBeNull()
  })
})

describe('through the print service', () => {
  let t: TempContainer
  let admin: CallContext
  const clock = testClock('2026-11-24T02:00:00Z')

  beforeEach(async () => {
    t = await tempContainer({
      now: clock.now,
      print: { engine, defaultFolder: '/nonexistent', chooseSavePath: async () => null },
    })
    admin = await setupAdmin(t.services)
  })
  afterEach(async () => t.dispose())

  it('asks for the year of a year book', async () => {
    const error = await failure(t.services.printing.preview(admin, { type: 'year-book', id: 1 }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe('errors.party.yearRequired')
  })

  it('binds only the finalised meetings of the branch and year, in date order', async () => {
    const { PartyBranch, Meeting } = t.services.models
    const branch = await PartyBranch.create({ name: BRANCH })
    const other = await PartyBranch.create({ name: '第二党支部' })
    const row = (branchId: number, title: string, startAt: string, extra: Record<string, unknown> = {}) =>
      Meeting.create({ branchId, type: 'committee', title, startAt, place: '会议室', status: 'finalised', ...extra })

    // Nothing finalised in 2026 yet: a draft does not make a book.
    await row(branch.id, '草稿中的会议', '2026-02-01T09:00', { status: 'draft' })
    const empty = await failure(t.services.printing.preview(admin, { type: 'year-book', id: branch.id, year: 2026 }))
    expect(empty.code).toBe('VALIDATION')
    expect(empty.message).toBe('errors.party.yearBookEmpty')

    await row(branch.id, '五月支委会', '2026-05-10T09:00')
    await row(branch.id, '一月支委会', '2026-01-10T09:00')
    await row(branch.id, '十二月支委会', '2026-12-31T20:00')
    await row(branch.id, '去年的会', '2025-12-31T20:00')
    await row(branch.id, '明年的会', '2027-01-01T08:00')
    await row(branch.id, '作废的会', '2026-03-01T09:00', { discardedAt: new Date() })
    await row(other.id, '别的支部', '2026-03-01T09:00')

    // The meetings service is another helper's: records come from the rows through fixtures here.
    const asked: number[] = []
    const meetings = {
      get: async (id: number) => {
        asked.push(id)
        const r = await Meeting.findByPk(id)
        return short({ id, branchId: r!.branchId, title: r!.title, startAt: r!.startAt, endAt: null })
      },
    } as unknown as MeetingService
    registerPartyPrintables({
      printing: t.services.printing,
      meetings,
      organisation: t.services.organisation,
      settings: t.services.settings,
      models: t.services.models,
    })

    const preview = await t.services.printing.preview(admin, { type: 'year-book', id: branch.id, year: 2026 })
    expect(preview.title).toBe(`${BRANCH}2026年三会一课记录`)
    const c = await readPdf(new Uint8Array(Buffer.from(preview.pdfBase64, 'base64')))
    expect(preview.pageCount).toBe(c.pageCount)
    expect(c.pageCount).toBe(1 + 1 + 3)
    expect(checkBook(c, ['一月支委会', '五月支委会', '十二月支委会'])).toEqual([2, 3, 4])
    const all = c.pages.map(pageText).join('')
    for (const absent of ['草稿中的会议', '去年的会', '明年的会', '作废的会', '别的支部'])
      expect(all).not.toContain(absent)
    expect(new Set(asked).size).toBe(3)
  }, 60_000)
})

describe('through the real organisation and meeting services', () => {
  let t: TempContainer
  let admin: CallContext
  const clock = testClock('2026-11-24T02:00:00Z')

  beforeEach(async () => {
    clock.set('2026-11-24T02:00:00Z')
    t = await tempContainer({
      now: clock.now,
      print: { engine, defaultFolder: '/nonexistent', chooseSavePath: async () => null },
    })
    admin = await setupAdmin(t.services)
  })
  afterEach(async () => t.dispose())

  function edit(m: MeetingDto, over: Partial<MeetingInput> = {}): MeetingInput {
    return {
      title: m.title,
      startAt: m.startAt,
      endAt: m.endAt,
      place: m.place,
      chairMemberId: m.chairMemberId,
      recorderMemberId: m.recorderMemberId,
      lecturer: m.lecturer,
      topic: m.topic,
      theme: m.theme,
      themeForm: m.themeForm,
      attendance: m.attendance.map((a) => ({ memberId: a.memberId, status: a.status, reason: a.reason })),
      observers: m.observers,
      agenda: m.agenda,
      followUps: m.followUps.map((f) => ({
        id: f.id,
        text: f.text,
        ownerMemberId: f.ownerMemberId,
        dueDate: f.dueDate,
      })),
      ...over,
    }
  }

  async function preview(type: 'meeting-record' | 'sign-in-sheet' | 'year-book', id: number, year?: number) {
    const p = await t.services.printing.preview(admin, { type, id, year })
    const c = await readPdf(new Uint8Array(Buffer.from(p.pdfBase64, 'base64')))
    const out = process.env.PRINT_TEST_OUT
    if (out) {
      mkdirSync(out, { recursive: true })
      writeFileSync(join(out, `service-${type}-${id}.pdf`), Buffer.from(p.pdfBase64, 'base64'))
    }
    return c
  }

  it('prints a 支委会 recorded with attendance and a vote, as a draft and once finalised, and binds the year', async () => {
    const seed = await seedBranch(t.services, admin, { name: BRANCH })
    const held = async (type: MeetingType, title: string, startAt: string, over: Partial<MeetingInput> = {}) => {
      const created = await t.services.meetings.create(admin, {
        branchId: seed.branch.id,
        groupId: null,
        type,
        title,
        startAt,
        place: '社区二楼会议室',
      })
      const m = await t.services.meetings.update(admin, created.id, edit(created, over))
      return m
    }

    const committee = await held('committee', '研究冬季慰问工作', '2026-11-20T14:30', {
      endAt: '2026-11-20T16:00',
      chairMemberId: seed.byName['王建国'].id,
      recorderMemberId: seed.byName['李红梅'].id,
      observers: ['孙丽'],
      agenda: [
        {
          topic: '确定慰问名单',
          record: '王建国：提出名单。\n张伟：同意。',
          dissent: '',
          vote: { for: 3, against: 1, abstain: 0 },
          resolution: '按名单慰问。',
        },
      ],
    })
    // Everyone on the committee is expected; 陈明 is away on leave.
    const away = await t.services.meetings.update(
      admin,
      committee.id,
      edit(committee, {
        attendance: committee.attendance.map((a) => ({
          memberId: a.memberId,
          status: a.name === '陈明' ? ('leave' as const) : ('present' as const),
          reason: a.name === '陈明' ? '外出学习' : null,
        })),
      }),
    )
    expect(away.checks.expected).toBe(5)

    const draft = (await preview('meeting-record', away.id)).pages.map(pageText).join('')
    expect(draft).toContain('草稿')
    expect(draft).toContain('应到5人实到4人')
    expect(draft).toContain('请假1人缺席0人')
    expect(draft).toContain('陈明（请假：外出学习）')
    expect(draft).toContain('表决：同意3票，反对1票，弃权0票；通过')

    await t.services.meetings.finalise(admin, away.id)
    const final = await preview('meeting-record', away.id)
    const text = final.pages.map(pageText).join('')
    expect(text).not.toContain('草稿')
    for (const s of ['组织' + BRANCH + '会议类型支委会', '主持人王建国记录人李红梅', '列席人员孙丽', '散会'])
      expect(text).toContain(s)
    expect(final.pages.map(pageNumber)).toEqual(Array.from({ length: final.pageCount }, (_, i) => i + 1))

    const sheet = await preview('sign-in-sheet', away.id)
    const rows = textLines(sheet.pages[0])
      .map((l) => noSpace(l.text))
      .filter((l) => /^\d+/.test(l))
    expect(rows).toHaveLength(6)
    expect(rows).toContain(`${rows.findIndex((r) => r.includes('陈明')) + 1}陈明正式党员请假：外出学习`)

    const general = await held('general', '第三季度党员大会', '2026-09-18T09:00', {
      agenda: [{ topic: '学习讨论', record: LONG_RECORD, dissent: '', vote: null, resolution: '' }],
    })
    await t.services.meetings.finalise(admin, general.id)
    const lecture = await held('lecture', '党课：学习条例', '2026-03-05T15:00', {
      lecturer: '王建国',
      topic: '学习条例',
    })
    await t.services.meetings.finalise(admin, lecture.id)
    await held('committee', '还没定稿的会', '2026-10-10T09:00')

    const book = await preview('year-book', seed.branch.id, 2026)
    const listed = checkBook(book, ['党课：学习条例', '第三季度党员大会', '研究冬季慰问工作'])
    expect(listed[0]).toBe(2)
    expect(listed[2] - listed[1]).toBeGreaterThanOrEqual(2)
    expect(book.pages.map(pageText).join('')).not.toContain('还没定稿的会')
  }, 90_000)
})
