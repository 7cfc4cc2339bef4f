/** SKELETON (helper B replaces): meetings, attendance, agenda and votes, follow-ups, attachments. */
import type { Sequelize } from 'sequelize'
import type { Models } from '../../../database/models'
import type { NoticeDto, Page } from '../../contract/dto'
import type {
  AttachmentDto,
  AttachmentFileDto,
  FollowUpDto,
  MeetingDto,
  MeetingListItemDto,
} from '../../contract/party-dto'
import type { MeetingCreate, MeetingInput, MeetingQuery } from '../../contract/party-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import type { NoticeService } from '../notice-service'
import type { SettingsService } from '../settings-service'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  notices: NoticeService
  settings: SettingsService
  now: () => Date
}

const todo = (): never => {
  throw new Error('meeting service: not built yet')
}

export function createMeetingService(_deps: Deps) {
  return {
    list: async (_query: MeetingQuery): Promise<Page<MeetingListItemDto>> => todo(),
    get: async (_id: number): Promise<MeetingDto> => todo(),
    create: async (_ctx: CallContext, _input: MeetingCreate): Promise<MeetingDto> => todo(),
    update: async (
      _ctx: CallContext,
      _id: number,
      _data: MeetingInput,
      _expectedUpdatedAt?: string,
    ): Promise<MeetingDto> => todo(),
    finalise: async (_ctx: CallContext, _id: number): Promise<MeetingDto> => todo(),
    amend: async (_ctx: CallContext, _id: number, _text: string): Promise<MeetingDto> => todo(),
    discard: async (_ctx: CallContext, _id: number): Promise<null> => todo(),
    followUpDone: async (
      _ctx: CallContext,
      _input: { id: number; done: boolean; date?: string },
    ): Promise<FollowUpDto> => todo(),
    attach: async (
      _ctx: CallContext,
      _input: { meetingId: number; fileName: string; mime: string; dataBase64: string },
    ): Promise<AttachmentDto> => todo(),
    attachment: async (_id: number): Promise<AttachmentFileDto> => todo(),
    removeAttachment: async (_ctx: CallContext, _id: number): Promise<null> => todo(),
    makeNotice: async (_ctx: CallContext, _id: number): Promise<NoticeDto> => todo(),
  }
}

export type MeetingService = ReturnType<typeof createMeetingService>
