/**
 * Places: 社区 → 网格 → 小区/街巷 → 楼栋 → 单元 → 户, edited as a tree. Levels may be skipped
 * (a lane has houses, not buildings), but a child is always at a deeper level than its parent.
 * The tree is small (thousands of nodes at most), so it is cached in memory for full names.
 */
import type { Sequelize, Transaction } from 'sequelize'
import type { Models, PlaceModel } from '../../database/models'
import { AppError, fieldError, notFoundError } from '../contract/errors'
import { PLACE_KINDS, type PlaceDto, type PlaceKind, type PlaceNodeDto } from '../contract/dto'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'

interface CachedPlace {
  id: number
  parentId: number | null
  kind: PlaceKind
  name: string
  sort: number
  path: string
  archived: boolean
}

/** Kinds above the compound are left out of a resident's address (everyone shares them). */
const ADDRESS_KINDS = new Set<PlaceKind>(['compound', 'building', 'unit', 'room'])

export function createPlaceService(deps: {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  onAddressesChanged: (placePath: string, transaction: Transaction) => Promise<void>
}) {
  const { models, audit } = deps
  let cache: Map<number, CachedPlace> | null = null
  // Bumped on every invalidation: a read that started before a write committed must not cache
  // the tree it saw once the write has invalidated it.
  let generation = 0

  function invalidate() {
    cache = null
    generation++
  }

  /** With a transaction: read fresh inside it (a rename not yet committed), and do not cache. */
  async function load(transaction?: Transaction): Promise<Map<number, CachedPlace>> {
    if (cache && !transaction) return cache
    const startedAt = generation
    const rows = await models.Place.findAll({ raw: true, transaction })
    const map = new Map<number, CachedPlace>(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          parentId: r.parentId,
          kind: r.kind as PlaceKind,
          name: r.name,
          sort: r.sort,
          path: r.path,
          archived: !!r.archivedAt,
        },
      ]),
    )
    if (!transaction && startedAt === generation) cache = map
    return map
  }

  function chain(map: Map<number, CachedPlace>, id: number): CachedPlace[] {
    const out: CachedPlace[] = []
    let node = map.get(id)
    while (node) {
      out.unshift(node)
      node = node.parentId === null ? undefined : map.get(node.parentId)
    }
    return out
  }

  function toDto(map: Map<number, CachedPlace>, p: CachedPlace): PlaceDto {
    return {
      id: p.id,
      parentId: p.parentId,
      kind: p.kind,
      name: p.name,
      sort: p.sort,
      fullName: chain(map, p.id)
        .map((n) => n.name)
        .join(' / '),
      archived: p.archived,
    }
  }

  function snapshot(p: PlaceModel) {
    return { parentId: p.parentId, kind: p.kind, name: p.name, sort: p.sort, archived: !!p.archivedAt }
  }

  async function find(id: number, transaction?: Transaction): Promise<PlaceModel> {
    const place = await models.Place.findByPk(id, { transaction })
    if (!place) throw notFoundError('place')
    return place
  }

  /** Sibling names are unique among live places: `3栋` twice under one compound is a typing slip. */
  async function assertNameFree(
    parentId: number | null,
    name: string,
    exceptId: number | null,
    transaction: Transaction,
  ) {
    const same = await models.Place.findAll({
      where: { parentId, name, archivedAt: null },
      attributes: ['id'],
      transaction,
    })
    if (same.some((p) => p.id !== exceptId)) {
      throw new AppError('CONFLICT', 'errors.validation', {
        fields: [{ path: 'name', message: 'validation.place.duplicateName' }],
      })
    }
  }

  function checkLevel(parentKind: PlaceKind | null, kind: PlaceKind, path = 'kind') {
    if (parentKind === null) {
      if (kind !== 'community') throw fieldError(path, 'validation.place.rootMustBeCommunity')
      return
    }
    if (PLACE_KINDS.indexOf(kind) <= PLACE_KINDS.indexOf(parentKind))
      throw fieldError(path, 'validation.place.levelOrder')
  }

  const service = {
    async tree(): Promise<PlaceNodeDto[]> {
      const map = await load()
      const nodes = new Map<number, PlaceNodeDto>()
      for (const p of map.values()) nodes.set(p.id, { ...toDto(map, p), children: [] })
      const roots: PlaceNodeDto[] = []
      for (const node of nodes.values()) {
        const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
        ;(parent ? parent.children : roots).push(node)
      }
      const order = (a: PlaceNodeDto, b: PlaceNodeDto) =>
        a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN', { numeric: true })
      const sortDeep = (list: PlaceNodeDto[]) => {
        list.sort(order)
        list.forEach((n) => sortDeep(n.children))
      }
      sortDeep(roots)
      return roots
    },

    async get(id: number): Promise<PlaceDto> {
      const map = await load()
      const p = map.get(id)
      if (!p) throw notFoundError('place')
      return toDto(map, p)
    },

    /** `幸福小区 3栋 2单元 501`: what a person would write on an envelope within the community. */
    async addressOf(placeId: number | null): Promise<string | null> {
      return (await service.addressResolver())(placeId)
    },

    /** A synchronous address lookup over one read of the tree (inside `transaction` when given). */
    async addressResolver(transaction?: Transaction): Promise<(placeId: number | null) => string | null> {
      const map = await load(transaction)
      return (placeId) => {
        if (placeId === null) return null
        const names = chain(map, placeId)
          .filter((n) => ADDRESS_KINDS.has(n.kind))
          .map((n) => n.name)
        return names.length ? names.join(' ') : (map.get(placeId)?.name ?? null)
      }
    },

    async pathOf(placeId: number): Promise<string> {
      const map = await load()
      const p = map.get(placeId)
      if (!p) throw notFoundError('place')
      return p.path
    },

    async create(
      ctx: CallContext,
      input: { parentId: number | null; kind: PlaceKind; name: string; sort?: number },
    ): Promise<PlaceDto> {
      const created = await deps.sequelize.transaction(async (transaction) => {
        const parent = input.parentId === null ? null : await find(input.parentId, transaction)
        if (parent?.archivedAt) throw fieldError('parentId', 'validation.place.parentArchived')
        checkLevel((parent?.kind as PlaceKind) ?? null, input.kind)
        await assertNameFree(input.parentId, input.name, null, transaction)
        // Without an explicit sort, a new place goes last: the tree then keeps the order places were
        // entered in (一网格, 二网格, 三网格), where sorting by name would give pinyin order (er, san, yi).
        const sort =
          input.sort ??
          (((await models.Place.max('sort', { where: { parentId: input.parentId }, transaction })) as number | null) ??
            0) + 10
        const place = await models.Place.create(
          { parentId: input.parentId, kind: input.kind, name: input.name, sort, path: '' },
          { transaction },
        )
        await place.update({ path: `${parent?.path ?? '/'}${place.id}/` }, { transaction })
        await audit.record(
          ctx,
          { action: 'create', entity: 'place', entityId: place.id, after: snapshot(place) },
          transaction,
        )
        return place
      })
      invalidate()
      return service.get(created.id)
    },

    async update(
      ctx: CallContext,
      input: { id: number; name?: string; sort?: number; parentId?: number | null },
    ): Promise<PlaceDto> {
      await deps.sequelize.transaction(async (transaction) => {
        const place = await find(input.id, transaction)
        const before = snapshot(place)
        const patch: Partial<PlaceModel> = {}
        if (input.name !== undefined) patch.name = input.name
        if (input.sort !== undefined) patch.sort = input.sort
        let newPath: string | null = null
        if (input.parentId !== undefined && input.parentId !== place.parentId) {
          const parent = input.parentId === null ? null : await find(input.parentId, transaction)
          if (parent?.archivedAt) throw fieldError('parentId', 'validation.place.parentArchived')
          if (parent && parent.path.startsWith(place.path)) throw fieldError('parentId', 'validation.place.cycle')
          checkLevel((parent?.kind as PlaceKind) ?? null, place.kind as PlaceKind, 'parentId')
          patch.parentId = input.parentId
          newPath = `${parent?.path ?? '/'}${place.id}/`
        }
        if ((patch.name !== undefined && patch.name !== place.name) || patch.parentId !== undefined) {
          await assertNameFree(
            patch.parentId !== undefined ? patch.parentId : place.parentId,
            patch.name ?? place.name,
            place.id,
            transaction,
          )
        }
        const oldPath = place.path
        await place.update(patch, { transaction })
        if (newPath) {
          // Re-root the whole subtree's materialised paths in one statement.
          await deps.sequelize.query(
            'UPDATE places SET path = :newPath || substr(path, :cut) WHERE path >= :lo AND path < :hi',
            {
              replacements: { newPath, cut: oldPath.length + 1, lo: oldPath, hi: oldPath.slice(0, -1) + '0' },
              transaction,
            },
          )
        }
        await audit.record(
          ctx,
          { action: 'update', entity: 'place', entityId: place.id, before, after: snapshot(place) },
          transaction,
        )
        invalidate()
        // Addresses hold only compound → room names (see ADDRESS_KINDS). A renamed grid changes no
        // address, and neither does a moved compound or grid (everything above them is left out):
        // re-indexing a whole grid for nothing would hold the write lock for seconds.
        const kind = place.kind as PlaceKind
        const renamed = patch.name !== undefined && patch.name !== before.name && ADDRESS_KINDS.has(kind)
        const moved = newPath !== null && ADDRESS_KINDS.has(kind) && kind !== 'compound'
        if (renamed || moved) await deps.onAddressesChanged(newPath ?? oldPath, transaction)
      })
      invalidate()
      return service.get(input.id)
    },

    /** Archive only an empty place: residents must be moved first, so nobody loses an address. */
    async archive(ctx: CallContext, id: number): Promise<PlaceDto> {
      await deps.sequelize.transaction(async (transaction) => {
        const place = await find(id, transaction)
        const activeChildren = await models.Place.count({ where: { parentId: id, archivedAt: null }, transaction })
        const activeResidents = await deps.sequelize.query(
          `SELECT COUNT(*) AS n FROM residents r JOIN households h ON h.id = r.household_id
            WHERE h.place_id = :id AND r.archived_at IS NULL`,
          { replacements: { id }, transaction, plain: true },
        )
        if (activeChildren > 0 || Number((activeResidents as { n: number } | null)?.n ?? 0) > 0) {
          throw new AppError('CONFLICT', 'errors.placeNotEmpty')
        }
        const before = snapshot(place)
        const at = new Date()
        await place.update({ archivedAt: at }, { transaction })
        // Its (now empty) households go with it, so nobody can be moved into an archived address.
        await models.Household.update({ archivedAt: at }, { where: { placeId: id, archivedAt: null }, transaction })
        await audit.record(
          ctx,
          { action: 'archive', entity: 'place', entityId: id, before, after: snapshot(place) },
          transaction,
        )
      })
      invalidate()
      return service.get(id)
    },

    invalidate,
  }
  return service
}

export type PlaceService = ReturnType<typeof createPlaceService>
