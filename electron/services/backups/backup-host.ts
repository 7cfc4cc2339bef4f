/**
 * What the backups screen needs from the shell: the system's folder and file dialogs, and a
 * restart. Electron implements it in electron/main/backup-host.ts; tests answer it themselves.
 */
export interface BackupHost {
  /** A folder for a manual backup (a USB stick); `null` when the person cancels. */
  chooseFolder(defaultPath: string): Promise<string | null>
  /** A backup file to restore from; `null` when the person cancels. */
  chooseBackupFile(defaultPath: string): Promise<string | null>
  /**
   * Closes the database and starts the app again (the staged restore is swapped in at that start).
   * Returns at once: the reply to the renderer must still go out before the app exits.
   */
  restart(): void
}
