/** Station settings that every module reads: name, community, contact, language, idle lock. */
import type { Models } from '../../database/models'
import type { SettingsDto } from '../contract/dto'
import type { SettingsPatch } from '../contract/schemas'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'

export const DEFAULT_SETTINGS: SettingsDto = {
  stationName: '社区党群服务中心',
  community: '',
  address: '',
  phone: '',
  locale: 'zh-CN',
  idleLockMinutes: 10,
  printBodyFont: 'shipped',
}

export function createSettingsService(models: Models, audit: AuditService) {
  async function get(): Promise<SettingsDto> {
    const rows = await models.Setting.findAll()
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const row of rows) {
      if (!(row.key in DEFAULT_SETTINGS)) continue
      try {
        out[row.key] = JSON.parse(row.value)
      } catch {
        // A damaged value falls back to its default rather than breaking every screen.
      }
    }
    return out as unknown as SettingsDto
  }

  return {
    get,
    async update(ctx: CallContext, patch: SettingsPatch): Promise<SettingsDto> {
      const before = await get()
      await models.sequelize.transaction(async (transaction) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue
          await models.Setting.upsert({ key, value: JSON.stringify(value) }, { transaction })
        }
        await audit.record(
          ctx,
          { action: 'update', entity: 'settings', before, after: { ...before, ...patch } },
          transaction,
        )
      })
      return get()
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
