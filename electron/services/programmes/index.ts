/** Service programmes (issue 5): the module's services, wired into the container as services.programmes. Placeholder until its owner fills it. */
import type { ModuleDeps } from '../module-deps'

export function createProgrammeServices(_deps: ModuleDeps) {
  return {}
}

export type ProgrammeServices = ReturnType<typeof createProgrammeServices>
