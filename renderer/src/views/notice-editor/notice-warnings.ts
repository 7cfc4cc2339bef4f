/**
 * What the editor warns about while the text is typed, with the very rules main applies before
 * printing: `{{variables}}` still unfilled (printing is refused) and full ID or mobile numbers
 * (printing asks first). Only masks leave this module: a full number is never kept for display.
 */
import { escapeHtml, unfilledVariables } from '@contract/rules/notice-variables'
import { findSensitiveNumbers } from '@contract/rules/sensitive-text'
import type { SensitiveFindingDto } from '@contract/dto'

export interface NoticeWarnings {
  unfilled: string[]
  sensitive: SensitiveFindingDto[]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * The text of editor HTML. Block ends become line breaks, so that digits in two paragraphs never
 * run together into something that looks like one phone number.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<\/(p|li|tr|td|th|h[1-6]|blockquote)>|<br\s*\/?>/gi, '$&\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole
      }
      return ENTITIES[name.toLowerCase()] ?? whole
    })
}

export function noticeWarnings(title: string, bodyHtml: string): NoticeWarnings {
  // The title is plain text: escaped, a `<` in it cannot pass for the start of a tag.
  const unfilled = [...new Set([...unfilledVariables(escapeHtml(title)), ...unfilledVariables(bodyHtml)])]
  const sensitive = findSensitiveNumbers(`${title}\n${htmlText(bodyHtml)}`).map(({ kind, masked }) => ({
    kind,
    masked,
  }))
  return { unfilled, sensitive }
}
