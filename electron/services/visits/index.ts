/** Volunteers and elderly-care visits (issue 7): wired into the container as services.visits. Placeholder until its owner fills it. */
import type { ModuleDeps } from '../module-deps'

export function createVisitServices(_deps: ModuleDeps) {
  return {}
}

export type VisitServices = ReturnType<typeof createVisitServices>
