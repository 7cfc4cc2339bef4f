/** How notices and templates are named on screen, shared by the list, the editor and the templates. */
import type { NoticeStatus, NoticeTemplateDto } from '@contract/dto'
import { BUILTIN_VARIABLES, findVariables } from '@contract/rules/notice-variables'
import { i18n } from '@/i18n'

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger'

/** Drafts stand out (work to finish); issued is settled; superseded is history. */
export function statusTagType(status: NoticeStatus): TagType {
  return status === 'draft' ? 'warning' : status === 'issued' ? 'success' : 'info'
}

/** `会议时间` → `{{会议时间}}`, as it is written in the text; a stray brace is shown as found. */
export function braced(name: string): string {
  return name.startsWith('{{') ? name : `{{${name}}}`
}

/** A built-in template's name in the current language; the station's own as the station wrote it. */
export function templateName(template: Pick<NoticeTemplateDto, 'builtinKey' | 'name'>): string {
  const { t, te } = i18n.global
  const key = `notices.builtinTemplates.${template.builtinKey}`
  return template.builtinKey && te(key) ? t(key) : template.name
}

/** The variables a template asks for when a notice is made from it: the built-in ones fill themselves. */
export function variablesToAsk(template: Pick<NoticeTemplateDto, 'title' | 'bodyHtml'>): string[] {
  const builtins: readonly string[] = BUILTIN_VARIABLES
  return findVariables(`${template.title}\n${template.bodyHtml}`).filter((name) => !builtins.includes(name))
}
