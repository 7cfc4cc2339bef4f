/**
 * Service programmes (issue 5): programmes and their sessions, enrolment with the waiting list,
 * attendance at the counter, and the sign-in sheet in the print pipeline. One factory, wired
 * into the container as services.programmes.
 */
import type { ModuleDeps } from '../module-deps'
import { createAttendanceService } from './attendance-service'
import { createEnrolmentService } from './enrolment-service'
import { registerProgrammePrintables } from './programme-printables'
import { createProgrammeService } from './programme-service'

export function createProgrammeServices(deps: ModuleDeps) {
  const programmes = createProgrammeService(deps)
  const enrolments = createEnrolmentService(deps)
  const attendance = createAttendanceService(deps)
  registerProgrammePrintables({ printing: deps.printing, attendance })
  return { programmes, enrolments, attendance }
}

export type ProgrammeServices = ReturnType<typeof createProgrammeServices>
