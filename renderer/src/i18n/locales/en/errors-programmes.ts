import type base from '../zh-CN/errors-programmes'

export default {
  programmeNotFound: 'This programme was not found; someone may have changed it',
  sessionNotFound: 'This session was not found; someone may have changed it',
  enrolmentNotFound: 'This enrolment was not found; someone may have changed it',
  unknownTag: 'A chosen tag does not exist or was removed',
  archived: 'This programme is archived: no new enrolments or sessions',
  sessionExists: 'There is already a session on {date} at that time',
  sessionCancelled: 'This session is cancelled',
  sessionHasAttendance: '{count} people are signed in to this session: it cannot be cancelled',
  alreadyEnrolled: '{name} is already in this programme (or on its waiting list)',
  notEligible: 'Not eligible. To enrol anyway, give the reason for the exception.',
  noBirthDate: 'The file has no date of birth, so the age cannot be checked',
  ageOutside: 'Aged {age}, outside {min}–{max}',
  tagsMissing: 'Missing required tags: {tags}',
  alreadyLeft: 'Has already left this programme',
  notEnrolled: 'This person is not in this programme',
  notSignedIn: 'Not signed in yet, so cannot sign out',
  alreadySignedOut: 'Already signed out (collected by {by})',
  pickUpRequired: 'Enter who is collecting the child',
  noPickUpListed:
    'No pick-up people are listed for this child, who cannot go with {name}. List them in the enrolment first.',
  pickUpRefused: '{name} is not a listed pick-up person and cannot take the child. Allowed: {allowed}',
} satisfies typeof base
