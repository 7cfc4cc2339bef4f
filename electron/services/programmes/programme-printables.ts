/** The programme documents in the print pipeline: a session's sign-in sheet, filled or blank. */
import type { PrintService } from '../printing/print-service'
import type { AttendanceService } from './attendance-service'
import { renderProgrammeSignInSheet, sheetRows, sheetTitle } from './programme-sign-in-layout'

export function registerProgrammePrintables(deps: { printing: PrintService; attendance: AttendanceService }): void {
  const { printing, attendance } = deps
  for (const type of ['programme-sign-in-sheet', 'programme-blank-sign-in-sheet'] as const) {
    const blank = type === 'programme-blank-sign-in-sheet'
    printing.register(type, {
      permission: 'programmes.read',
      async build({ id }) {
        const roster = await attendance.roster(id)
        return {
          title: sheetTitle(roster, blank),
          document: renderProgrammeSignInSheet(printing.engine(), roster, blank),
          records: [`programme-session:${id}`],
          text: [
            roster.programme.name,
            roster.programme.place,
            roster.programme.organiser,
            ...sheetRows(roster, blank).map((cells) => cells.join(' ')),
          ].join('\n'),
        }
      },
    })
  }
}
