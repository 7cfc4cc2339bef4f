/** Notices for tests: made from a built-in template, and the input that edits one. */
import type { NoticeDto } from '../../electron/contract/dto'
import { noticeSchemas } from '../../electron/contract/notice-schemas'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

/** The update input that saves `n` with `patch` applied, as the editor would send it. */
export function noticeEdit(n: NoticeDto, patch: Record<string, unknown> = {}) {
  return noticeSchemas.noticeUpdate.parse({
    id: n.id,
    data: {
      title: n.title,
      bodyHtml: n.bodyHtml,
      issuer: n.issuer,
      issueDate: n.issueDate,
      layout: n.layout,
      paper: n.paper,
      showStamp: n.showStamp,
      ...patch,
    },
    expectedUpdatedAt: n.updatedAt,
  })
}

/** A draft from the built-in template `key` (meeting, activity, reminder, announcement, outage). */
export async function noticeFrom(
  services: ServiceContainer,
  ctx: CallContext,
  key: string,
  values: Record<string, string> = {},
): Promise<NoticeDto> {
  const template = (await services.notices.listTemplates()).find((x) => x.builtinKey === key)
  if (!template) throw new Error(`no built-in template ${key}`)
  return services.notices.create(ctx, { templateId: template.id, values })
}
