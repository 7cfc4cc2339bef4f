/** The editable dictionary of special-group tags (低保, 特困, 残疾, 空巢, 独居 …). */
import type { Models, TagModel } from '../../database/models'
import { AppError, notFoundError } from '../contract/errors'
import type { TagDto } from '../contract/dto'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'

/** Seeded at first start; `sensitive` marks what PIPL counts as sensitive personal information. */
export const DEFAULT_TAGS: Array<{ name: string; sensitive: boolean }> = [
  { name: '低保', sensitive: true },
  { name: '特困', sensitive: true },
  { name: '残疾', sensitive: true },
  { name: '大病', sensitive: true },
  { name: '空巢', sensitive: false },
  { name: '独居', sensitive: false },
  { name: '失独', sensitive: true },
  { name: '留守儿童', sensitive: true },
  { name: '务工人员子女', sensitive: false },
  { name: '个体工商户', sensitive: false },
  { name: '流入党员', sensitive: false },
  { name: '退役军人', sensitive: false },
]

function toDto(t: TagModel): TagDto {
  return { id: t.id, name: t.name, sensitive: t.sensitive, sort: t.sort, archived: !!t.archivedAt }
}

export function createTagService(models: Models, audit: AuditService) {
  const sequelize = models.sequelize
  return {
    async list(): Promise<TagDto[]> {
      const rows = await models.Tag.findAll({
        order: [
          ['sort', 'ASC'],
          ['id', 'ASC'],
        ],
      })
      return rows.map(toDto)
    },

    async seedDefaults(): Promise<void> {
      if ((await models.Tag.count()) > 0) return
      await models.Tag.bulkCreate(DEFAULT_TAGS.map((t, i) => ({ ...t, sort: (i + 1) * 10 })))
    },

    async create(ctx: CallContext, input: { name: string; sensitive: boolean }): Promise<TagDto> {
      return sequelize.transaction(async (transaction) => {
        if (await models.Tag.findOne({ where: { name: input.name }, transaction })) {
          throw new AppError('CONFLICT', 'errors.validation', {
            fields: [{ path: 'name', message: 'validation.tag.duplicate' }],
          })
        }
        const max = ((await models.Tag.max('sort', { transaction })) as number | null) ?? 0
        const tag = await models.Tag.create({ ...input, sort: max + 10 }, { transaction })
        await audit.record(ctx, { action: 'create', entity: 'tag', entityId: tag.id, after: toDto(tag) }, transaction)
        return toDto(tag)
      })
    },

    async update(
      ctx: CallContext,
      input: { id: number; name?: string; sensitive?: boolean; archived?: boolean },
    ): Promise<TagDto> {
      return sequelize.transaction(async (transaction) => {
        const tag = await models.Tag.findByPk(input.id, { transaction })
        if (!tag) throw notFoundError('tag')
        const before = toDto(tag)
        if (input.name !== undefined && input.name !== tag.name) {
          if (await models.Tag.findOne({ where: { name: input.name }, transaction })) {
            throw new AppError('CONFLICT', 'errors.validation', {
              fields: [{ path: 'name', message: 'validation.tag.duplicate' }],
            })
          }
          tag.name = input.name
        }
        if (input.sensitive !== undefined) tag.sensitive = input.sensitive
        if (input.archived !== undefined) tag.archivedAt = input.archived ? new Date() : null
        await tag.save({ transaction })
        await audit.record(
          ctx,
          { action: 'update', entity: 'tag', entityId: tag.id, before, after: toDto(tag) },
          transaction,
        )
        return toDto(tag)
      })
    },
  }
}

export type TagService = ReturnType<typeof createTagService>
