/**
 * The lists that export today, each fetched through the service its screen uses. A new module's
 * list adds an entry to EXPORT_LISTS (contract) and registers itself here or in its own factory.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import { roleHas } from '../../contract/permissions'
import { shanghaiDateTime } from '../../contract/rules/dates'
import type { NoticeService } from '../notice-service'
import type { MeetingService } from '../party/meeting-service'
import type { OrganisationService } from '../party/organisation-service'
import type { PrintService } from '../printing/print-service'
import type { ProgrammeServices } from '../programmes'
import type { ResidentService } from '../resident-service'
import type { ExportService } from './export-service'

// SQLite allows 32,766 bound parameters (999 before 3.32): stay well below either.
const ID_CHUNK = 900

export function registerListExporters(
  exports: ExportService,
  deps: {
    models: Models
    residents: ResidentService
    organisation: OrganisationService
    meetings: MeetingService
    notices: NoticeService
    printing: PrintService
    programmes: ProgrammeServices
  },
): void {
  exports.register('residents', {
    permission: 'residents.read',
    fetchPage: (ctx, query, page, pageSize) =>
      deps.residents.list(
        { ...query, page, pageSize },
        // The same rules as the list screen: the account's grid scope, and without unmask only a
        // whole number finds its file.
        { searchNumbers: !!ctx.actor && roleHas(ctx.actor.role, 'residents.unmask'), actor: ctx.actor },
      ),
    fields: {
      name: (r) => r.name,
      gender: (r) => r.gender,
      birthDate: (r) => r.birthDate,
      age: (r) => r.age,
      idNumber: (r) => r.idNumber,
      mobile: (r) => r.mobile,
      landline: (r) => r.landline,
      address: (r) => r.address,
      relationToHead: (r) => r.relationToHead,
      politicalStatus: (r) => r.politicalStatus,
      tags: (r) => r.tags,
      archived: (r) => r.archived,
    },
    fullNumbers: {
      keys: ['idNumber', 'mobile'],
      async load(ids) {
        const full = new Map<number, Record<string, string | null>>()
        for (let i = 0; i < ids.length; i += ID_CHUNK) {
          const rows = await deps.models.Resident.findAll({
            where: { id: { [Op.in]: ids.slice(i, i + ID_CHUNK) } },
            attributes: ['id', 'idNumber', 'mobile'],
          })
          for (const r of rows) full.set(r.id, { idNumber: r.idNumber, mobile: r.mobile })
        }
        return full
      },
    },
  })

  exports.register('members', {
    permission: 'party.read',
    fetchPage: (_ctx, query, page, pageSize) => deps.organisation.listMembers({ ...query, page, pageSize }),
    fields: {
      name: (m) => m.name,
      gender: (m) => m.gender,
      branchName: (m) => m.branchName,
      groupName: (m) => m.groupName,
      kind: (m) => m.kind,
      joinedDate: (m) => m.joinedDate,
      fullDate: (m) => m.fullDate,
      status: (m) => m.status,
      inflowOrigin: (m) => m.inflow?.origin ?? null,
      outflowDestination: (m) => m.outflow?.destination ?? null,
      notes: (m) => m.notes,
    },
  })

  exports.register('meetings', {
    permission: 'party.read',
    fetchPage: (_ctx, query, page, pageSize) => deps.meetings.list({ ...query, page, pageSize }),
    fields: {
      title: (m) => m.title,
      type: (m) => m.type,
      branchName: (m) => m.branchName,
      groupName: (m) => m.groupName,
      startAt: (m) => m.startAt.replace('T', ' '),
      endAt: (m) => m.endAt?.replace('T', ' ') ?? null,
      place: (m) => m.place,
      status: (m) => m.status,
      present: (m) => m.present,
      expected: (m) => m.expected,
    },
  })

  exports.register('notices', {
    permission: 'notices.read',
    fetchPage: (_ctx, query, page, pageSize) => deps.notices.list({ ...query, page, pageSize }),
    fields: {
      title: (n) => n.title,
      version: (n) => n.version,
      status: (n) => n.status,
      templateName: (n) => n.templateName,
      issuer: (n) => n.issuer,
      issueDate: (n) => n.issueDate,
      layout: (n) => n.layout,
      paper: (n) => n.paper,
    },
  })

  exports.register('print-log', {
    permission: 'print.log',
    fetchPage: (_ctx, query, page, pageSize) => deps.printing.log({ ...query, page, pageSize }),
    fields: {
      // Text in station time: an Excel date cell has no zone, and exceljs would write UTC.
      at: (j) => shanghaiDateTime(new Date(j.at)),
      accountName: (j) => j.accountName,
      documentType: (j) => j.documentType,
      documentTitle: (j) => j.documentTitle,
      records: (j) => j.records,
      copies: (j) => j.copies,
      target: (j) => j.target,
      targetName: (j) => j.targetName,
      pageCount: (j) => j.pageCount,
      sensitiveConfirmed: (j) => j.sensitiveConfirmed,
    },
  })

  // One row a programme: the month's figures, as 月度统计 shows them for one.
  exports.register('programme-months', {
    permission: 'programmes.read',
    async fetchPage(_ctx, query, page, pageSize) {
      const all = await deps.programmes.programmes.list({ type: query.type, includeArchived: false })
      const items = await Promise.all(
        all.slice((page - 1) * pageSize, page * pageSize).map(async (p) => ({
          id: p.id,
          name: p.name,
          type: p.type,
          ...(await deps.programmes.attendance.month(p.id, query.month)),
        })),
      )
      return { items, total: all.length, page, pageSize }
    },
    fields: {
      name: (r) => r.name,
      type: (r) => r.type,
      month: (r) => r.month,
      enrolled: (r) => r.enrolled,
      sessionsHeld: (r) => r.sessionsHeld,
      sessionsCancelled: (r) => r.sessionsCancelled,
      attendances: (r) => r.attendances,
      expected: (r) => r.expected,
      // A percentage with one decimal, as the screen shows it; empty when nothing was held.
      attendanceRate: (r) => (r.attendanceRate === null ? null : Math.round(r.attendanceRate * 1000) / 10),
      serviceHours: (r) => r.serviceHours,
    },
  })
}
