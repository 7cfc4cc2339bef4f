/**
 * The migrations, listed statically: a bundled main process has no folder to glob, and the order
 * must never depend on the file system. Append only; never edit one that has shipped.
 */
import type { Migration } from './types'
import { initial } from './0001-initial'
import { noticesPrinting } from './0002-notices-printing'
import { party } from './0003-party'
import { accountsScope } from './0004-accounts-scope'
import { programmes } from './0005-programmes'
import { visits } from './0006-visits'
import { integrityRatings } from './0007-integrity-ratings'
import { homeVisits } from './0008-home-visits'

export const migrations: readonly Migration[] = [
  initial,
  noticesPrinting,
  party,
  accountsScope,
  programmes,
  visits,
  integrityRatings,
  homeVisits,
]
export type { Migration, MigrationContext } from './types'
