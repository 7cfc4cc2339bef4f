/** The programme module's channels (issue 5); merged into the contract by channels.ts. */
import { read, returns, write } from './channel-def'
import type {
  EnrolmentDto,
  EnrolmentResultDto,
  EnrolmentRevealDto,
  FollowUpDto,
  ProgrammeDetailDto,
  ProgrammeDto,
  ProgrammeMonthDto,
  ProgrammeSaveResultDto,
  RosterDto,
  RosterRowDto,
  SessionDto,
} from './programme-dto'
import { programmeSchemas as ps } from './programme-schemas'
import { schemas } from './schemas'

export const programmeChannels = {
  'programmes:list': read(ps.programmeQuery, 'programmes.read', returns<ProgrammeDto[]>()),
  /** The programme with its sessions, enrolled people, waiting list, leavers and moves. */
  'programmes:get': read(schemas.byId, 'programmes.read', returns<ProgrammeDetailDto>()),
  /** Creates or updates; sessions follow the timetable, a raised capacity moves people in. */
  'programmes:save': write(ps.programmeSave, 'programmes.write', returns<ProgrammeSaveResultDto>()),
  'programmes:archive': write(schemas.byId, 'programmes.write', returns<ProgrammeDto>()),
  /** People who missed their last two sessions (or more) without notice, to phone or visit. */
  'programmes:follow-ups': read(ps.followUps, 'programmes.read', returns<FollowUpDto[]>()),
  /** A month's figures: enrolled, sessions held, attendance rate, service hours. */
  'programmes:month': read(ps.month, 'programmes.read', returns<ProgrammeMonthDto>()),

  'sessions:add': write(ps.sessionAdd, 'programmes.write', returns<SessionDto>()),
  'sessions:cancel': write(ps.sessionCancel, 'programmes.write', returns<SessionDto>()),
  /** The counter's list: everyone enrolled, or those whose name or pinyin matches a few letters. */
  'sessions:roster': read(ps.roster, 'programmes.read', returns<RosterDto>()),
  'sessions:mark': write(ps.mark, 'programmes.write', returns<RosterRowDto>()),
  'sessions:sign-out': write(ps.signOut, 'programmes.write', returns<RosterRowDto>()),

  /** Enrols, or puts on the waiting list when full; refused when not eligible unless overridden. */
  'enrolments:add': write(ps.enrol, 'programmes.write', returns<EnrolmentResultDto>()),
  'enrolments:update': write(ps.enrolmentUpdate, 'programmes.write', returns<EnrolmentDto>()),
  /** Leaves (history kept); `moved` names whoever came in from the waiting list. */
  'enrolments:leave': write(ps.leave, 'programmes.write', returns<EnrolmentResultDto>()),
  /** Health notes and contact phones in full; audited. */
  'enrolments:reveal': read(schemas.byId, 'residents.unmask', returns<EnrolmentRevealDto>()),
}
