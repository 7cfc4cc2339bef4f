/** SKELETON (helper B replaces): required frequencies, the held/missing matrix, attendance rates. */
import type { Sequelize } from 'sequelize'
import type { Models } from '../../../database/models'
import type { ComplianceDto, MemberAttendanceDto, RequirementDto } from '../../contract/party-dto'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  now: () => Date
}

const todo = (): never => {
  throw new Error('compliance service: not built yet')
}

export function createComplianceService(_deps: Deps) {
  return {
    matrix: async (_q: { branchId: number; year: number }): Promise<ComplianceDto> => todo(),
    requirements: async (_q: { branchId: number; year: number }): Promise<RequirementDto[]> => todo(),
    setRequirement: async (
      _ctx: CallContext,
      _input: { branchId: number; type: string; period: string; timesPerPeriod: number },
    ): Promise<RequirementDto[]> => todo(),
    setExemption: async (
      _ctx: CallContext,
      _input: {
        branchId: number
        type: string
        groupId: number | null
        year: number
        period: number
        reason: string | null
      },
    ): Promise<ComplianceDto> => todo(),
    attendance: async (_q: { branchId: number; year: number }): Promise<MemberAttendanceDto[]> => todo(),
  }
}

export type ComplianceService = ReturnType<typeof createComplianceService>
