/**
 * Grid scope: an account limited to some grids sees only residents whose household lies in one
 * of them. Looked up per call from the account row (one primary-key read), so a scope changed by
 * the administrator applies at once. Calls from code (no actor) are not limited.
 */
import { QueryTypes, type Sequelize } from 'sequelize'
import type { Models } from '../../database/models'
import { notFoundError } from '../contract/errors'
import type { Actor } from './context'
import type { PlaceService } from './place-service'

/** The stored JSON array of grid ids; anything unreadable is "no grids" (sees nobody), not "all". */
export function parseGridScope(value: string | null): number[] | null {
  if (value === null) return null
  try {
    const ids: unknown = JSON.parse(value)
    return Array.isArray(ids) ? ids.filter((v): v is number => Number.isInteger(v)) : []
  } catch {
    return []
  }
}

/** A place filter and a scope as the subtrees to list: one, several, or none at all. */
export function narrowToScope(placePath: string | undefined, scope: string[]): string[] {
  if (!placePath) return scope
  if (scope.some((s) => placePath.startsWith(s))) return [placePath]
  return scope.filter((s) => s.startsWith(placePath))
}

const NOT_FOUND = () => notFoundError('resident')

export function createGridScope(deps: { sequelize: Sequelize; models: Models; places: PlaceService }) {
  const { sequelize, models, places } = deps

  /** The account's grid paths, or null when it sees every grid. */
  async function pathsOf(actor: Actor | null | undefined): Promise<string[] | null> {
    if (!actor) return null
    const account = await models.Account.findByPk(actor.accountId, { attributes: ['gridScope'] })
    const ids = parseGridScope(account?.gridScope ?? null)
    if (!ids) return null
    const paths: string[] = []
    for (const id of ids) {
      // A grid deleted since the scope was set grants nothing.
      const path = await places.pathOf(id).catch(() => null)
      if (path) paths.push(path)
    }
    return paths
  }

  /** `alias.path` (a places row) in one of the subtrees, as SQL and its replacements. */
  function inPaths(paths: string[], alias = 'p'): { sql: string; replacements: Record<string, string> } {
    if (paths.length === 0) return { sql: '0 = 1', replacements: {} }
    const replacements: Record<string, string> = {}
    const sql = paths
      .map((path, i) => {
        replacements[`scopeLo${i}`] = path
        replacements[`scopeHi${i}`] = path.slice(0, -1) + '0'
        return `(${alias}.path >= :scopeLo${i} AND ${alias}.path < :scopeHi${i})`
      })
      .join(' OR ')
    return { sql: `(${sql})`, replacements }
  }

  async function placeInScope(paths: string[], placeId: number): Promise<boolean> {
    const path = await places.pathOf(placeId).catch(() => null)
    return !!path && paths.some((s) => path.startsWith(s))
  }

  /** Whether the resident's household lies in the account's grids (an account without a scope sees all). */
  async function residentVisible(actor: Actor | null | undefined, residentId: number): Promise<boolean> {
    const paths = await pathsOf(actor)
    if (!paths) return true
    const where = inPaths(paths)
    const rows = await sequelize.query(
      `SELECT 1 AS ok FROM residents r JOIN households h ON h.id = r.household_id
         JOIN places p ON p.id = h.place_id WHERE r.id = :residentId AND ${where.sql}`,
      { type: QueryTypes.SELECT, replacements: { ...where.replacements, residentId } },
    )
    return rows.length > 0
  }

  return {
    pathsOf,
    residentVisible,

    /** Outside the scope, a resident does not exist: the same answer as a wrong id. */
    async assertResident(actor: Actor | null | undefined, residentId: number): Promise<void> {
      if (!(await residentVisible(actor, residentId))) throw NOT_FOUND()
    },

    async assertHousehold(actor: Actor | null | undefined, householdId: number): Promise<void> {
      const paths = await pathsOf(actor)
      if (!paths) return
      const household = await models.Household.findByPk(householdId, { attributes: ['placeId'] })
      if (!household || !(await placeInScope(paths, household.placeId))) throw notFoundError('household')
    },

    /** A place outside the scope lists no households: it is as if it had none. */
    async placeVisible(actor: Actor | null | undefined, placeId: number): Promise<boolean> {
      const paths = await pathsOf(actor)
      return !paths || (await placeInScope(paths, placeId))
    },
  }
}

export type GridScope = ReturnType<typeof createGridScope>
