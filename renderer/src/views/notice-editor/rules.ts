/**
 * The notice editor's form in one place: the model, its conversion to the `notices:update` input,
 * a snapshot to tell whether anything changed, and validation with the schema main applies.
 */
import type { InputOf } from '@contract/channels'
import type { NoticeDto, NoticeLayout, PaperSize } from '@contract/dto'
import { noticeSchemas } from '@contract/notice-schemas'
import type { FieldProblems } from '@/api/errors'
import { zodProblems } from '@/forms/zod-problems'

export interface NoticeFormModel {
  title: string
  bodyHtml: string
  issuer: string
  issueDate: string
  layout: NoticeLayout
  paper: PaperSize
  showStamp: boolean
}

/** Fields that can carry a message, as main names them in `ErrorPayload.fields[].path` (under `data.`). */
export const NOTICE_FIELDS = ['title', 'bodyHtml', 'issuer', 'issueDate', 'layout', 'paper', 'showStamp'] as const
export type NoticeField = (typeof NOTICE_FIELDS)[number]

export function fromNotice(dto: NoticeDto): NoticeFormModel {
  return {
    title: dto.title,
    bodyHtml: dto.bodyHtml,
    issuer: dto.issuer,
    issueDate: dto.issueDate,
    layout: dto.layout,
    paper: dto.paper,
    showStamp: dto.showStamp,
  }
}

export type NoticeData = InputOf<'notices:update'>['data']

/**
 * The editor keeps an empty paragraph after a final list or table (so the caret can get below
 * it); on paper that would be a blank line before the sign-off, so it is not saved.
 */
export function trimTrailingEmpty(html: string): string {
  return html.replace(/(?:<p(?: [^>]*)?>(?:<br\s*\/?>)?<\/p>)+$/, '')
}

export function toNoticeData(m: NoticeFormModel): NoticeData {
  return {
    title: m.title,
    bodyHtml: trimTrailingEmpty(m.bodyHtml),
    issuer: m.issuer,
    issueDate: m.issueDate,
    layout: m.layout,
    // A3 is for posters only: the formal layout and the slips always print on A4.
    paper: m.layout === 'poster' ? m.paper : 'A4',
    showStamp: m.showStamp,
  }
}

/** What the form holds, as it would be saved: equal snapshots mean nothing to save. */
export function snapshotOf(m: NoticeFormModel): string {
  return JSON.stringify(toNoticeData(m))
}

/** Problems the shared schema finds, keyed by field (`title`, `issueDate` …). */
export function validateNotice(m: NoticeFormModel): FieldProblems {
  const parsed = noticeSchemas.noticeUpdate.shape.data.safeParse(toNoticeData(m))
  return parsed.success ? {} : zodProblems(parsed.error)
}

/** Main names fields of `notices:update` as `data.title`; the form names them `title`. */
export function formFieldOf(path: string): string {
  return path.startsWith('data.') ? path.slice(5) : path
}
