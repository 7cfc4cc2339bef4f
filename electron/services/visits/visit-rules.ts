/**
 * The station's visit rules (tiers, visit length, points per hour …), kept as one JSON setting so
 * the coordinator can change them without a migration. Missing keys fall back to the defaults.
 */
import type { Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitRulesDto } from '../../contract/visit-dto'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { clockToMinutes, DEFAULT_PLANNER_SETTINGS, type PlannerSettings } from './planner'

const KEY = 'visits.rules'

export const DEFAULT_VISIT_RULES: VisitRulesDto = {
  tiers: {
    high: { intervalDays: 7, twoVolunteers: false },
    key: { intervalDays: 30, twoVolunteers: false },
    general: { intervalDays: 91, twoVolunteers: false },
  },
  durationMinutes: 60,
  bufferMinutes: 30,
  dayFrom: '09:00',
  dayTo: '17:00',
  pointsPerHour: 10,
  highRiskBonus: 5,
}

export async function readVisitRules(models: Models, transaction?: Transaction): Promise<VisitRulesDto> {
  const row = await models.Setting.findByPk(KEY, { transaction })
  if (!row) return DEFAULT_VISIT_RULES
  const stored = JSON.parse(row.value) as Partial<VisitRulesDto>
  return { ...DEFAULT_VISIT_RULES, ...stored, tiers: { ...DEFAULT_VISIT_RULES.tiers, ...stored.tiers } }
}

export async function writeVisitRules(models: Models, audit: AuditService, ctx: CallContext, rules: VisitRulesDto) {
  return models.sequelize.transaction(async (transaction) => {
    const before = await readVisitRules(models, transaction)
    await models.Setting.upsert({ key: KEY, value: JSON.stringify(rules) }, { transaction })
    await audit.record(ctx, { action: 'update', entity: 'visitRules', before, after: rules }, transaction)
    return rules
  })
}

export function plannerSettings(rules: VisitRulesDto): PlannerSettings {
  return {
    ...DEFAULT_PLANNER_SETTINGS,
    durationMinutes: rules.durationMinutes,
    bufferMinutes: rules.bufferMinutes,
    dayHours: { from: clockToMinutes(rules.dayFrom), to: clockToMinutes(rules.dayTo) },
    tiers: rules.tiers,
  }
}
