/** Volunteers and elderly-care visits (issue 7): wired into the container as services.visits. */
import type { ModuleDeps } from '../module-deps'
import type { VisitRulesDto } from '../../contract/visit-dto'
import type { CallContext } from '../context'
import { createGridScope } from '../grid-scope'
import { createHistoryService } from './history-service'
import { createLogService } from './log-service'
import { createPeopleService } from './people-service'
import { createPlanService } from './plan-service'
import { createPointsService } from './points-service'
import { registerVisitPrintables } from './schedule-sheet'
import { registerHoursCertificatePrintable } from './hours-certificate'
import { registerOverviewPrintable } from './overview-sheet'
import { readVisitRules, writeVisitRules } from './visit-rules'
import { createVolunteerService } from './volunteer-service'

export function createVisitServices(deps: ModuleDeps) {
  const base = { models: deps.models, audit: deps.audit, now: deps.now }
  registerVisitPrintables(deps)
  registerOverviewPrintable(deps)
  registerHoursCertificatePrintable(deps)
  return {
    volunteers: createVolunteerService(base),
    people: createPeopleService(base),
    plans: createPlanService(base),
    logs: createLogService(base),
    history: createHistoryService({ ...base, gridScope: createGridScope(deps) }),
    points: createPointsService(base),
    rules: {
      get: () => readVisitRules(deps.models),
      set: (ctx: CallContext, rules: VisitRulesDto) => writeVisitRules(deps.models, deps.audit, ctx, rules),
    },
  }
}

export type VisitServices = ReturnType<typeof createVisitServices>
