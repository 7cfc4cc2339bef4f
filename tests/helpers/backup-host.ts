/** The shell's backup port answered by the test: the dialogs' answers, and restarts counted. */
import type { BackupHost } from '../../electron/services/backups/backup-host'

export interface TestBackupHost extends BackupHost {
  /** What the folder dialog answers (null: cancel). */
  folder: string | null
  /** What the file dialog answers (null: cancel). */
  file: string | null
  /** Paths the dialogs were opened at, oldest first. */
  opened: string[]
  restarts: number
  /** Called at each restart (the e2e harness rebuilds its container here). */
  onRestart?: () => void
}

export function testBackupHost(): TestBackupHost {
  const host: TestBackupHost = {
    folder: null,
    file: null,
    opened: [],
    restarts: 0,
    async chooseFolder(defaultPath) {
      host.opened.push(defaultPath)
      return host.folder
    },
    async chooseBackupFile(defaultPath) {
      host.opened.push(defaultPath)
      return host.file
    },
    restart() {
      host.restarts++
      host.onRestart?.()
    },
  }
  return host
}
