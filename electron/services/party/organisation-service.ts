/** SKELETON (helper A replaces): branches, committee, groups and party members. */
import type { Sequelize } from 'sequelize'
import type { Models } from '../../../database/models'
import type { Page } from '../../contract/dto'
import type { PartyBranchDto, PartyGroupDto, PartyMemberDto } from '../../contract/party-dto'
import type { MemberChange, MemberInput, MemberQuery } from '../../contract/party-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  now: () => Date
}

const todo = (): never => {
  throw new Error('organisation service: not built yet')
}

export function createOrganisationService(_deps: Deps) {
  return {
    listBranches: async (): Promise<PartyBranchDto[]> => todo(),
    saveBranch: async (_ctx: CallContext, _input: { id?: number; name: string }): Promise<PartyBranchDto> => todo(),
    setCommittee: async (
      _ctx: CallContext,
      _input: { branchId: number; seats: Array<{ memberId: number; role: string }> },
    ): Promise<PartyBranchDto> => todo(),
    saveGroup: async (
      _ctx: CallContext,
      _input: { id?: number; branchId: number; name: string; leaderMemberId: number | null },
    ): Promise<PartyGroupDto> => todo(),
    archiveGroup: async (_ctx: CallContext, _id: number): Promise<PartyGroupDto> => todo(),
    listMembers: async (_query: MemberQuery): Promise<Page<PartyMemberDto>> => todo(),
    getMember: async (_id: number): Promise<PartyMemberDto> => todo(),
    createMember: async (_ctx: CallContext, _input: MemberInput): Promise<PartyMemberDto> => todo(),
    updateMember: async (
      _ctx: CallContext,
      _id: number,
      _data: MemberInput,
      _expectedUpdatedAt?: string,
    ): Promise<PartyMemberDto> => todo(),
    changeMember: async (_ctx: CallContext, _input: MemberChange): Promise<PartyMemberDto> => todo(),
  }
}

export type OrganisationService = ReturnType<typeof createOrganisationService>
