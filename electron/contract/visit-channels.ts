/** The visit module's channels (volunteers, people to visit, plans, logs, points); merged by channels.ts. */
import { read, returns, write } from './channel-def'
import { schemas } from './schemas'
import type {
  CatalogueItemDto,
  MoveResultDto,
  PlanDto,
  PointsAccountDto,
  PointsEntryDto,
  ServiceRecordDto,
  VisitDto,
  VisitHistoryEntryDto,
  VisitFindingsDto,
  VisitFollowUpDto,
  VisitLogDto,
  VisitPersonDto,
  VisitRulesDto,
  VolunteerDto,
} from './visit-dto'
import { visitSchemas as s } from './visit-schemas'

export const visitChannels = {
  'volunteers:list': read(s.volunteerQuery, 'visits.read', returns<VolunteerDto[]>()),
  'volunteers:get': read(schemas.byId, 'visits.read', returns<VolunteerDto>()),
  'volunteers:create': write(s.volunteerCreate, 'visits.write', returns<VolunteerDto>()),
  'volunteers:update': write(s.volunteerUpdate, 'visits.write', returns<VolunteerDto>()),
  /** Hours, trainings and commendations, newest first. */
  'volunteers:records': read(schemas.byId, 'visits.read', returns<ServiceRecordDto[]>()),
  'volunteers:add-record': write(s.serviceRecordAdd, 'visits.write', returns<ServiceRecordDto>()),

  'visit-people:list': read(s.personQuery, 'visits.read', returns<VisitPersonDto[]>()),
  'visit-people:get': read(schemas.byId, 'visits.read', returns<VisitPersonDto>()),
  'visit-people:create': write(s.personCreate, 'visits.write', returns<VisitPersonDto>()),
  'visit-people:update': write(s.personUpdate, 'visits.write', returns<VisitPersonDto>()),
  /** The risk notes in full (sensitive): each call is audited. */
  'visit-people:risk-notes': read(schemas.byId, 'visits.read', returns<string | null>()),
  /** A hospital stay, a bereavement: the next plan puts a visit within 24 hours. */
  'visit-people:major-change': write(s.majorChange, 'visits.write', returns<VisitPersonDto>()),
  /** The person's visits newest first; findings only for accounts that may see sensitive details. */
  'visit-people:history': read(schemas.byId, 'visits.read', returns<VisitHistoryEntryDto[]>()),
  /** One visit's findings in full (sensitive: health): the id is the visit's; each reading is audited. */
  'visit-people:findings': read(schemas.byId, 'residents.unmask', returns<VisitFindingsDto>()),

  'visit-plans:rules': read(schemas.none, 'visits.read', returns<VisitRulesDto>()),
  'visit-plans:set-rules': write(s.rules, 'visits.plan', returns<VisitRulesDto>()),
  /** Plans a week or month; planned visits of the period are replaced, confirmed and done ones kept. */
  'visit-plans:generate': write(s.planGenerate, 'visits.plan', returns<PlanDto>()),
  'visit-plans:list': read(s.planRange, 'visits.read', returns<PlanDto>()),
  /** Checks the move against the rules; saves only without conflicts, or when forced. */
  'visit-plans:move': write(s.visitMove, 'visits.plan', returns<MoveResultDto>()),
  'visit-plans:confirm': write(schemas.byId, 'visits.plan', returns<VisitDto>()),

  'visits:get': read(schemas.byId, 'visits.read', returns<VisitDto>()),
  'visits:log': write(s.visitLog, 'visits.write', returns<VisitLogDto>()),
  'visits:follow-ups': read(schemas.none, 'visits.read', returns<VisitFollowUpDto[]>()),
  'visits:close-follow-up': write(s.followUpClose, 'visits.write', returns<null>()),

  'points:account': read(schemas.byId, 'visits.read', returns<PointsAccountDto>()),
  'points:redeem': write(s.pointsRedeem, 'visits.write', returns<PointsEntryDto>()),
  'points:adjust': write(s.pointsAdjust, 'visits.plan', returns<PointsEntryDto>()),
  'points:catalogue': read(schemas.none, 'visits.read', returns<CatalogueItemDto[]>()),
  'points:save-item': write(s.catalogueSave, 'visits.plan', returns<CatalogueItemDto>()),
}
