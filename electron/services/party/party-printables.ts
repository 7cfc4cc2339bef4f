/**
 * The party documents in the print pipeline: the meeting record (会议记录), the sign-in sheet
 * (filled from the attendance, or blank to fill by hand) and the year book of a branch (every
 * finalised record of a year, with a cover, contents and continuous page numbers).
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import { AppError, notFoundError } from '../../contract/errors'
import type { MeetingDto } from '../../contract/party-dto'
import type { PrintEngine } from '../printing/print-engine'
import { markPages } from '../printing/layouts/year-book-pages'
import { countPdfPages, type PrintService } from '../printing/print-service'
import { meetingRecordText, renderMeetingRecord } from '../printing/layouts/meeting-record-layout'
import { renderSignInSheet, signInRows } from '../printing/layouts/meeting-sign-in-layout'
import {
  renderYearBook,
  renderYearBookContents,
  yearBookTitle,
  type YearBookData,
} from '../printing/layouts/year-book-layout'
import type { SettingsService } from '../settings-service'
import type { MeetingService } from './meeting-service'
import type { OrganisationService } from './organisation-service'

export interface PartyPrintDeps {
  printing: PrintService
  meetings: MeetingService
  organisation: OrganisationService
  settings: SettingsService
  models: Models
}

/**
 * The page each record starts on, the contents being page 1: the contents take `tocPages`, then
 * each record follows the last.
 */
export function startPages(tocPages: number, recordPages: number[]): number[] {
  const starts: number[] = []
  let next = tocPages + 1
  for (const n of recordPages) {
    starts.push(next)
    next += n
  }
  return starts
}

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource' | 'toPdf'>
type Base = Omit<YearBookData, 'startPages'>

export interface YearBookLayout {
  data: YearBookData
  recordPages: number[]
  tocPages: number
  /** How the pages were found: one rendering of the book with marks, or each record alone. */
  method: 'marks' | 'separately'
}

/**
 * One rendering of the whole book, each record's heading marked, tells the page each starts on.
 * The contents' numbers sit in a fixed-width column and do not change its length, so one
 * rendering does unless the contents turn out longer than assumed. Null if the marks cannot be read.
 */
async function measureByMarks(engine: Engine, base: Base): Promise<YearBookLayout | null> {
  const count = base.meetings.length
  let tocPages = 1
  for (let attempt = 0; attempt < 3; attempt++) {
    const assumed = {
      ...base,
      startPages: startPages(
        tocPages,
        base.meetings.map(() => 1),
      ),
    }
    const pdf = await engine.toPdf(renderYearBook(engine, assumed, { marks: true }))
    const physical = markPages(pdf, count)
    if (!physical) return null
    const total = countPdfPages(pdf)
    // The cover is physical page 1 and unnumbered: the contents start at "— 1 —".
    const measuredToc = physical[0] - 2
    if (measuredToc < 1) return null
    const recordPages = physical.map((p, i) => (i + 1 < count ? physical[i + 1] : total + 1) - p)
    if (measuredToc === tocPages) {
      return {
        data: { ...base, startPages: physical.map((p) => p - 1) },
        recordPages,
        tocPages,
        method: 'marks',
      }
    }
    tocPages = measuredToc
  }
  return null
}

/** Each record rendered alone (same page, same CSS), then the contents until it holds still. */
async function measureSeparately(engine: Engine, base: Base): Promise<YearBookLayout> {
  const recordPages: number[] = []
  // One at a time: the app's engine renders one document at a time anyway.
  for (const m of base.meetings) recordPages.push(countPdfPages(await engine.toPdf(renderMeetingRecord(engine, m))))
  let tocPages = 1
  for (let attempt = 0; attempt < 4; attempt++) {
    const data = { ...base, startPages: startPages(tocPages, recordPages) }
    const measured = countPdfPages(await engine.toPdf(renderYearBookContents(engine, data)))
    if (measured === tocPages) return { data, recordPages, tocPages, method: 'separately' }
    tocPages = measured
  }
  throw new Error('year book: the contents did not settle on a page count')
}

/**
 * Lays out the year book with right contents. The fast way renders the book once; where its
 * marks cannot be read (another engine's PDF), each record is rendered alone: N+1 renderings.
 */
export async function layOutYearBook(
  engine: Engine,
  base: Base,
  options: { method?: 'marks' | 'separately' } = {},
): Promise<YearBookLayout> {
  if (options.method !== 'separately') {
    const fast = await measureByMarks(engine, base)
    if (fast) return fast
  }
  return measureSeparately(engine, base)
}

export function registerPartyPrintables(deps: PartyPrintDeps): void {
  const { printing, meetings, settings, models } = deps

  printing.register('meeting-record', {
    permission: 'party.read',
    async build({ id }) {
      const m = await meetings.get(id)
      return {
        title: `${m.title}（会议记录）`,
        document: renderMeetingRecord(printing.engine(), m),
        records: [`meeting:${m.id}`],
        text: meetingRecordText(m),
      }
    },
  })

  for (const type of ['sign-in-sheet', 'blank-sign-in-sheet'] as const) {
    const blank = type === 'blank-sign-in-sheet'
    printing.register(type, {
      permission: 'party.read',
      async build({ id }) {
        const m = await meetings.get(id)
        return {
          title: `${m.title}（${blank ? '空白' : ''}签到表）`,
          document: renderSignInSheet(printing.engine(), m, blank),
          records: [`meeting:${m.id}`],
          text: [
            m.branchName,
            m.title,
            m.place,
            ...(blank ? [] : signInRows(m).map((r) => `${r.name} ${r.note}`)),
          ].join('\n'),
        }
      },
    })
  }

  printing.register('year-book', {
    permission: 'party.read',
    async build({ id, year }) {
      if (year === undefined || year === null) throw new AppError('VALIDATION', 'errors.party.yearRequired')
      const branch = await models.PartyBranch.findByPk(id)
      if (!branch) throw notFoundError('branch')
      // Times are Shanghai wall-clock text (YYYY-MM-DDTHH:mm): the year is a text range.
      const rows = await models.Meeting.findAll({
        where: {
          branchId: id,
          status: 'finalised',
          discardedAt: null,
          startAt: { [Op.gte]: `${year}-01-01`, [Op.lt]: `${year + 1}-01-01` },
        },
        order: [
          ['startAt', 'ASC'],
          ['id', 'ASC'],
        ],
        attributes: ['id'],
      })
      if (rows.length === 0)
        throw new AppError('VALIDATION', 'errors.party.yearBookEmpty', { params: { branch: branch.name, year } })
      const list: MeetingDto[] = []
      for (const r of rows) list.push(await meetings.get(r.id))
      const s = await settings.get()
      const engine = printing.engine()
      const { data } = await layOutYearBook(engine, {
        branchName: branch.name,
        year,
        stationName: s.stationName,
        meetings: list,
      })
      return {
        title: yearBookTitle(branch.name, year),
        document: renderYearBook(engine, data),
        records: list.map((m) => `meeting:${m.id}`),
        text: [branch.name, s.stationName, ...list.map(meetingRecordText)].join('\n'),
      }
    },
  })
}
