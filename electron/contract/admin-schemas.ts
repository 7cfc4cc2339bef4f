/** Inputs of the `accounts:*` and `audit:*` channels. Messages are i18n keys. */
import { z } from 'zod'
import { ROLES } from './permissions'
import { isoDate, passwordField, requiredText, usernameField } from './schemas'

export const AUDIT_EXPORT_COLUMNS = ['at', 'account', 'entity', 'entityId', 'action', 'before', 'after'] as const
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number]

const id = z.number().int().positive()
const gridIds = z.array(id).max(200).default([])

const auditFilter = {
  accountId: id.optional(),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(32).optional(),
  /** Asia/Shanghai calendar days, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
}

export const adminSchemas = {
  accountCreate: z.object({
    username: usernameField,
    displayName: requiredText(32),
    password: passwordField,
    role: z.enum(ROLES),
    gridIds,
    /** The screen asks for it: whoever the administrator typed a password for replaces it. */
    mustChangePassword: z.boolean().default(false),
  }),
  accountUpdate: z.object({
    id,
    displayName: requiredText(32),
    role: z.enum(ROLES),
    gridIds,
  }),
  accountSetActive: z.object({ id, active: z.boolean() }),
  /** No password: main generates one and returns it once. */
  passwordReset: z.object({ id, password: passwordField.optional() }),
  passwordChange: z.object({
    oldPassword: z.string().min(1, { error: 'validation.required' }).max(128),
    newPassword: passwordField,
  }),
  /** Sign-in with the temporary password and the new one in one step: no session before that. */
  passwordReplace: z.object({
    username: requiredText(32),
    oldPassword: z.string().min(1, { error: 'validation.required' }).max(128),
    newPassword: passwordField,
  }),
  auditQuery: z
    .object({
      ...auditFilter,
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'validation.admin.audit.range', path: ['to'] }),
  /** Headers and the names of kinds and actions come from the screen, in the user's language. */
  auditExport: z
    .object({
      ...auditFilter,
      title: requiredText(40),
      columns: z
        .array(z.object({ key: z.enum(AUDIT_EXPORT_COLUMNS), header: requiredText(40) }))
        .min(1)
        .max(AUDIT_EXPORT_COLUMNS.length),
      entityLabels: z.record(z.string().max(40), z.string().max(60)).default({}),
      actionLabels: z.record(z.string().max(32), z.string().max(60)).default({}),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'validation.admin.audit.range', path: ['to'] }),
}

/** Scope and must-change are optional for calls from code (tests, seeding). */
export type AccountCreateInput = z.input<typeof adminSchemas.accountCreate>
export type AccountUpdateInput = z.output<typeof adminSchemas.accountUpdate>
export type AuditQuery = z.output<typeof adminSchemas.auditQuery>
export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>
