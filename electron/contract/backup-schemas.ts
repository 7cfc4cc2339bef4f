/** Inputs of the `backups:*` channels. File names only: the renderer never sends a path. */
import { z } from 'zod'

/** A backup in the data folder's `backups`, by its bare name (no folder part). */
const backupName = z
  .string()
  .max(200)
  .regex(/^[^\\/]+\.sqlite3$/, { error: 'validation.admin.backups.name' })

export const backupSchemas = {
  /** `choose`: a folder from the system dialog (a USB stick); `data`: the data folder's `backups`. */
  create: z.object({ destination: z.enum(['choose', 'data']) }),
  keepDaily: z.object({
    keepDaily: z
      .number({ error: 'validation.admin.backups.keepRange' })
      .int({ error: 'validation.admin.backups.keepRange' })
      .min(1, { error: 'validation.admin.backups.keepRange' })
      .max(365, { error: 'validation.admin.backups.keepRange' }),
  }),
  /** A listed backup by name, or (no name) a file chosen in the system dialog. */
  check: z.object({ name: backupName.optional() }),
  restore: z.object({ token: z.string().regex(/^[0-9a-f-]{36}$/) }),
}
