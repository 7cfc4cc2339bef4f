import type { Migration } from './types'

/** Volunteers, people to visit, visit plans and logs, points (issue 7). Placeholder until its owner fills it. */
export const visits: Migration = {
  name: '0006-visits',
  async up() {},
  async down() {},
}
