import type { Migration } from './types'

/** Service programmes, schedules, enrolment, sessions and attendance (issue 5). Placeholder until its owner fills it. */
export const programmes: Migration = {
  name: '0005-programmes',
  async up() {},
  async down() {},
}
