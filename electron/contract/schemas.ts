/**
 * Input schemas for every channel. Messages are i18n keys (see renderer/src/i18n); the renderer
 * runs the same schemas on its forms, so a rule is written once and enforced twice.
 */
import { z } from 'zod'
import { checkIdNumber } from './rules/id-number'
import { shanghaiToday } from './rules/dates'
import { checkMobile, isLandline, normaliseLandline } from './rules/phone'
import { PLACE_KINDS } from './dto'

// null too: a transport may turn a missing argument into null, and "no input" is what was meant.
const none = z.union([z.undefined(), z.null()]).optional()
// The type-level message also covers the checks below it: say "required" only when it is missing.
const id = z
  .number({ error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.invalid') })
  .int()
  .positive()

/**
 * Control characters (NUL, escape sequences, C1) have no place in a resident file, and a NUL cuts
 * SQL text short in the driver; tabs and line breaks stay, for notes.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const CONTROL_ALL = new RegExp(CONTROL.source, 'g')
const printable = { error: 'validation.controlChars' } as const

/** Optional free text: trimmed, empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max, { error: 'validation.tooLong' })
    .refine((v) => !CONTROL.test(v), printable)
    .nullish()
    .transform((v) => {
      const t = v?.trim()
      return t ? t : null
    })
}

export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
    .refine((v) => !CONTROL.test(v), printable)
}

/** A search box gets pasted into: control characters are dropped, not refused. */
export function searchText(max: number) {
  return z
    .string()
    .max(max)
    .transform((v) => v.replace(CONTROL_ALL, '').trim())
    .optional()
}

/**
 * An ID number: normalised, checked (GB 11643), or null when left blank. `undefined` stays
 * `undefined`: in an update it means "keep the stored number" (the editor only holds the mask).
 */
export const idNumberField = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v === undefined) return undefined
    if (v === null || v.trim() === '') return null
    const r = checkIdNumber(v)
    if (!r.ok) {
      ctx.issues.push({ code: 'custom', message: `validation.id.${r.problem}`, input: v })
      return z.NEVER
    }
    return r.info.normalised
  })

/** A mobile number, normalised; `undefined` means "keep" in an update, as for ID numbers. */
export const mobileField = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v === undefined) return undefined
    if (v === null || v.trim() === '') return null
    const r = checkMobile(v)
    if (!r.ok) {
      ctx.issues.push({ code: 'custom', message: 'validation.mobile.format', input: v })
      return z.NEVER
    }
    return r.normalised
  })

export const landlineField = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (v == null || v.trim() === '') return null
    if (!isLandline(v)) {
      ctx.issues.push({ code: 'custom', message: 'validation.landline.format', input: v })
      return z.NEVER
    }
    return normaliseLandline(v)
  })

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s, {
    error: 'validation.date',
  })

/**
 * Every password anyone sets (setup, a new account, a reset, one's own change): at least eight
 * characters and not only digits, because a birthday or a phone number is the first guess.
 */
export const passwordField = z
  .string({ error: 'validation.required' })
  .min(8, { error: 'validation.admin.password.short', abort: true })
  .max(128, { error: 'validation.tooLong' })
  .refine((v) => !/^\d+$/.test(v.normalize('NFKC')), { error: 'validation.admin.password.digitsOnly' })

export const usernameField = z
  .string({ error: 'validation.required' })
  .trim()
  .min(2, { error: 'validation.username' })
  .max(32, { error: 'validation.tooLong' })
  .regex(/^[\p{L}\p{N}_.-]+$/u, { error: 'validation.username' })

export const schemas = {
  none,
  setup: z.object({ username: usernameField, displayName: requiredText(32), password: passwordField }),
  login: z.object({ username: requiredText(32), password: z.string().min(1, { error: 'validation.required' }) }),
  unlock: z.object({ password: z.string().min(1, { error: 'validation.required' }) }),

  settingsUpdate: z
    .object({
      stationName: requiredText(60),
      community: optionalText(60).transform((v) => v ?? ''),
      address: optionalText(120).transform((v) => v ?? ''),
      phone: optionalText(40).transform((v) => v ?? ''),
      locale: z.enum(['zh-CN', 'zh-TW', 'en']),
      idleLockMinutes: z
        .number({ error: 'validation.required' })
        .int()
        .min(1, { error: 'validation.idleRange' })
        .max(240, { error: 'validation.idleRange' }),
      printBodyFont: z.enum(['shipped', 'fangsong']),
    })
    .partial(),

  placeCreate: z.object({
    parentId: id.nullable(),
    kind: z.enum(PLACE_KINDS),
    name: requiredText(40),
    sort: z.number().int().optional(),
  }),
  placeUpdate: z.object({
    id,
    name: requiredText(40).optional(),
    sort: z.number().int().optional(),
    parentId: id.nullable().optional(),
  }),
  byId: z.object({ id }),

  householdCreate: z.object({ placeId: id }),
  householdMoveMember: z.object({ residentId: id, householdId: id.nullable(), relationToHead: optionalText(20) }),
  householdSetHead: z.object({ householdId: id, residentId: id }),
  householdList: z.object({ placeId: id }),

  tagCreate: z.object({ name: requiredText(20), sensitive: z.boolean().default(false) }),
  tagUpdate: z.object({
    id,
    name: requiredText(20).optional(),
    sensitive: z.boolean().optional(),
    archived: z.boolean().optional(),
  }),

  residentInput: z
    .object({
      name: requiredText(40),
      gender: z.enum(['M', 'F']).nullish(),
      idNumber: idNumberField,
      // 1880: the ID rule's limit too; a year like 0199 is a typing slip, not a 1,800-year-old.
      birthDate: isoDate.refine((s) => s >= '1880-01-01', { error: 'validation.date' }).nullish(),
      ethnicity: optionalText(20),
      mobile: mobileField,
      landline: landlineField,
      hukouAddress: optionalText(120),
      politicalStatus: optionalText(20),
      householdId: id.nullish(),
      relationToHead: optionalText(20),
      tagIds: z.array(id).max(50).default([]),
      notes: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      // Shanghai's date, not UTC's: from midnight to 08:00 UTC would still be yesterday.
      if (v.birthDate && v.birthDate > shanghaiToday()) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation.id.futureBirthDate' })
      }
    }),

  residentQuery: z.object({
    q: searchText(60),
    placeId: id.optional(),
    tagIds: z.array(id).max(20).optional(),
    ageMin: z.number().int().min(0).max(150).optional(),
    ageMax: z.number().int().min(0).max(150).optional(),
    gender: z.enum(['M', 'F']).optional(),
    politicalStatus: z.string().trim().max(20).optional(),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    sort: z.enum(['name', '-name', 'age', '-age', 'createdAt', '-createdAt']).default('name'),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
  }),
  residentReveal: z.object({ id, field: z.enum(['idNumber', 'mobile']) }),
}

export type ResidentInput = z.output<typeof schemas.residentInput>
export type ResidentQuery = z.output<typeof schemas.residentQuery>
export type SettingsPatch = z.output<typeof schemas.settingsUpdate>
