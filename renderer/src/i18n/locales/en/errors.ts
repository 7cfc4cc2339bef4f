import type base from '../zh-CN/errors'
import importsErrors from './errors-imports'
import adminErrors from './errors-admin'
import exportsErrors from './errors-exports'
import programmesErrors from './errors-programmes'
import visitsErrors from './errors-visits'
import ratingsErrors from './errors-ratings'
import appointmentsErrors from './errors-appointments'

export default {
  imports: importsErrors,
  admin: adminErrors,
  exports: exportsErrors,
  programmes: programmesErrors,
  visits: visitsErrors,
  ratings: ratingsErrors,
  appointments: appointmentsErrors,
  accountLocked: 'Too many wrong passwords: the account is locked. Try again in {minutes} minutes.',
  badCredentials: 'Wrong username or password',
  badCredentialsRemaining: 'Wrong username or password. {remaining} attempts left.',
  backupFailed:
    'The backup did not complete ({path}): check that the folder can be written and the disk is not full. Your data is untouched.',
  conflict: 'This conflicts with a record that may have just been changed at another counter. Check and try again.',
  forbidden: 'Your account is not allowed to do this',
  internal: 'Something went wrong inside the app. Try again; if it keeps happening, call the administrator.',
  notFound: 'This {what} was not found; someone may have changed it',
  placeNotEmpty: 'This address still has addresses or active residents below it. Move or archive them first.',
  sessionLocked: 'The app is locked. Unlock it first.',
  setupDone: 'The administrator already exists. Please sign in.',
  staleEdit:
    'This file was changed while you were editing it (at another counter, or a household move). What you typed is still in the form: note it, close, reopen the file and edit again.',
  signedOut: 'You have been signed out. Please sign in again.',
  transport: 'Lost contact with the app’s back end. Try again in a moment.',
  unknownChannel: 'Unsupported operation',
  untrustedSender: 'Request refused: untrusted sender',
  validation: 'Some input is not valid. Please correct the marked fields.',
  notice: {
    locked: 'An issued notice cannot be changed: use "Revise" to make a new version; the issued one is kept',
    notDraft: 'Only a draft can do this',
    unfilled: 'Variables still to fill: {names}. Fill them in or remove them before printing',
    templateBuiltin: 'Built-in templates cannot be changed; copy one to a new template and change that',
    staleEdit:
      'This notice was changed while you were editing it (perhaps on another PC). Your text is still in the editor: copy it, reopen the notice and edit again.',
  },
  print: {
    sensitive:
      'The text holds full ID or mobile numbers: {found}. A public notice should not carry them; confirm to print anyway',
    unavailable: 'This PC cannot print: {reason}',
    printerFailed: 'The printer did not take the job ({printer}): {reason}. Check that it is on and has paper',
    saveFailed: 'The PDF was not saved ({path}): check that the folder can be written to and the disk is not full',
    slipTooLong:
      'The text is longer than half a page, too long for a household slip: shorten it, or use the formal layout',
    timeout: 'Printing did not finish within {seconds} s: try again; if it keeps happening, restart the app',
    printerMissing: 'This PC has no printer named "{printer}": choose the printer again',
    noEngine: 'The print component did not start',
  },
  party: {
    locked: 'This meeting record is finalised and cannot be changed: add an amendment instead',
    staleEdit:
      'This record was changed while you were editing (perhaps on another computer). What you typed is still on screen: note it down, reopen the record and edit again.',
    notFinalised: 'Only a finalised record can be amended',
    noAttendance: 'Nobody is expected yet: fill in the attendance before finalising',
    endBeforeStart: 'The end is before the start',
    duplicateAttendee: 'This person is on the attendance list twice',
    duplicateRole: 'Each committee role can be held by one person only',
    duplicateMember: 'One member cannot hold two committee roles',
    memberNotInBranch: 'This person is not a member of this branch',
    groupNotInBranch: 'This party group belongs to another branch',
    groupRequired: 'Choose the party group for a group meeting',
    groupNotEmpty: 'This group still has {count} members: move them to another group first',
    residentAlreadyMember: 'This resident file is already linked to another party member',
    badTransition: "This change is not possible in the member's current standing",
    periodOutOfRange: 'That month or quarter is outside the required periods of this meeting type',
    attachmentTooLarge: 'File too large: up to {maxMb} MB each',
    attachmentMismatch: 'The file does not look like its type: add a JPG or PNG photo or a PDF scan',
    yearBookEmpty: '{branch} has no finalised meeting records for {year}: there is no year book to print',
    yearRequired: 'Choose a year',
  },
  code: {
    VALIDATION: 'Some input is not valid. Please correct the marked fields.',
    FORBIDDEN: 'Your account is not allowed to do this',
    UNAUTHENTICATED: 'You have been signed out. Please sign in again.',
    LOCKED: 'The app is locked. Unlock it first.',
    NOT_FOUND: 'Not found; someone may have changed it',
    CONFLICT: 'This conflicts with an existing record. Check and try again.',
    UNTRUSTED_SENDER: 'Request refused: untrusted sender',
    UNKNOWN_CHANNEL: 'Unsupported operation',
    SENSITIVE_UNCONFIRMED: 'The text holds full ID or mobile numbers; confirm before printing',
    UNAVAILABLE: 'This PC cannot do that right now',
    INTERNAL: 'Something went wrong inside the app. Try again; if it keeps happening, call the administrator.',
  },
} satisfies typeof base
