/** The template form: model, conversion to `notice-templates:save`, snapshot and validation. */
import type { InputOf } from '@contract/channels'
import type { NoticeLayout, NoticeTemplateDto, PaperSize } from '@contract/dto'
import { noticeSchemas } from '@contract/notice-schemas'
import type { FieldProblems } from '@/api/errors'
import { zodProblems } from '@/forms/zod-problems'
import { trimTrailingEmpty } from '@/views/notice-editor/rules'

export interface TemplateFormModel {
  name: string
  title: string
  bodyHtml: string
  layout: NoticeLayout
  paper: PaperSize
}

export const TEMPLATE_FIELDS = ['name', 'title', 'bodyHtml', 'layout', 'paper'] as const
export type TemplateField = (typeof TEMPLATE_FIELDS)[number]

export function emptyTemplate(): TemplateFormModel {
  return { name: '', title: '', bodyHtml: '<p></p>', layout: 'formal', paper: 'A4' }
}

export function fromTemplate(dto: NoticeTemplateDto): TemplateFormModel {
  return { name: dto.name, title: dto.title, bodyHtml: dto.bodyHtml, layout: dto.layout, paper: dto.paper }
}

export function toTemplateInput(m: TemplateFormModel, id: number | null): InputOf<'notice-templates:save'> {
  const input: InputOf<'notice-templates:save'> = {
    name: m.name,
    title: m.title,
    bodyHtml: trimTrailingEmpty(m.bodyHtml),
    layout: m.layout,
    // A3 is for posters only.
    paper: m.layout === 'poster' ? m.paper : 'A4',
  }
  if (id !== null) input.id = id
  return input
}

export function templateSnapshot(m: TemplateFormModel): string {
  return JSON.stringify(toTemplateInput(m, null))
}

export function validateTemplate(m: TemplateFormModel): FieldProblems {
  const parsed = noticeSchemas.templateSave.safeParse(toTemplateInput(m, null))
  return parsed.success ? {} : zodProblems(parsed.error)
}
