import type { DomainHandlers } from '../types'

/** Manual backups, the kept number of daily backups, and restore (issue 4). */
export const backupHandlers: DomainHandlers<'backups'> = {
  'backups:overview': (_, { services }) => services.backupAdmin.overview(),
  'backups:create': (input, { services, call }) => services.backupAdmin.createManual(call, input.destination),
  'backups:set-keep-daily': (input, { services, call }) => services.backupAdmin.setKeepDaily(call, input.keepDaily),
  'backups:check': (input, { services }) => services.backupAdmin.check(input),
  'backups:restore': (input, { services, call }) => services.backupAdmin.stage(call, input.token),
}
