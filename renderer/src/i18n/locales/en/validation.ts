import type base from '../zh-CN/validation'
import importsValidation from './validation-imports'
import adminValidation from './validation-admin'
import exportsValidation from './validation-exports'
import programmesValidation from './validation-programmes'
import visitsValidation from './validation-visits'
import ratingsValidation from './validation-ratings'
import appointmentsValidation from './validation-appointments'

export default {
  imports: importsValidation,
  admin: adminValidation,
  exports: exportsValidation,
  programmes: programmesValidation,
  visits: visitsValidation,
  ratings: ratingsValidation,
  appointments: appointmentsValidation,
  required: 'Required',
  tooLong: 'Too long',
  controlChars: 'Contains control characters (perhaps pasted from elsewhere); please remove them',
  copies: 'Copies must be a whole number from 1 to 99',
  dateTime: 'Enter a date and time such as 2026-11-24 14:30',
  attachmentType: 'Only photos (JPG, PNG) or PDF scans can be attached',
  attachmentSize: 'The file is too large: at most 10 MB an attachment',
  invalid: 'Not valid',
  date: 'Not a valid date',
  idleRange: 'A whole number from 1 to 240',
  username: 'At least 2 characters: letters, digits, Chinese characters, _ . or -',
  usernameTaken: 'This username is taken',
  password: {
    short: 'At least 8 characters',
    mismatch: 'The two passwords differ',
  },
  id: {
    format: 'An ID number has 18 digits; the last may be X',
    checksum: 'The check character is wrong; compare the number digit by digit',
    birthDate: 'The birth date in this ID number does not exist',
    futureBirthDate: 'The birth date cannot be in the future',
    legacy15: 'Please use the 18-character number instead of the old 15-digit one',
    duplicate: 'This ID number is already on file: {name} (file {id})',
    duplicatePlain: 'This ID number is already on file',
    duplicateArchived: 'This ID number is on an archived file: {name} (file {id}); you can restore that file',
    duplicateArchivedPlain: 'This ID number is on an archived file',
  },
  mobile: {
    format: 'A mobile number has 11 digits and starts with 1',
  },
  landline: {
    format: 'Not a valid landline, e.g. 0816-2345678',
  },
  household: {
    headExists: 'This household already has a head: {name}. To change it, use "Make head" in the household',
    notMember: 'This person is not a member of that household',
    unknown: 'The chosen household does not exist or is archived',
  },
  place: {
    cycle: 'An address cannot move below itself',
    duplicateName: 'An address with this name already exists here',
    levelOrder: 'A child address must be of a finer kind than its parent',
    parentArchived: 'The parent address is archived',
    rootMustBeCommunity: 'The top level must be a community',
    unknown: 'The chosen address does not exist or is archived',
  },
  tag: {
    duplicate: 'A tag with this name exists',
    unknown: 'A chosen tag does not exist or is retired',
  },
} satisfies typeof base
