/**
 * The page shown when the app cannot start, usually because the database file cannot be opened.
 * Pure: error → facts → HTML, so it is tested in Node. The page has no script; its two or three
 * actions are links to fixed URLs that the window cancels and carries out (startup-error.ts).
 * This text is shown before the renderer and its translations exist, hence Chinese with English.
 */
import { DatabaseOpenError, type DatabaseProblem } from '../../database/connection'

export type StartupProblem = DatabaseProblem | 'unknown'

export interface StartupFailure {
  problem: StartupProblem
  /** The database file (or masked server URL) concerned. */
  location: string
  dataDir: string
  /** The driver's or the error's own message, for support. */
  detail?: string
}

export const STARTUP_ACTIONS = {
  openFolder: 'https://station.invalid/open-data-folder',
  retry: 'https://station.invalid/retry',
  quit: 'https://station.invalid/quit',
} as const
export type StartupAction = keyof typeof STARTUP_ACTIONS

export function actionOf(url: string): StartupAction | null {
  const found = (Object.keys(STARTUP_ACTIONS) as StartupAction[]).find((key) => STARTUP_ACTIONS[key] === url)
  return found ?? null
}

export function describeStartupFailure(error: unknown, dataDir: string, databaseFile: string): StartupFailure {
  if (error instanceof DatabaseOpenError) {
    return { problem: error.problem, location: error.location, dataDir, detail: error.detail }
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return { problem: 'unknown', location: databaseFile, dataDir, detail }
}

interface Bilingual {
  zh: string
  en: string
}
interface ProblemText {
  title: Bilingual
  cause: Bilingual
  todo: Bilingual
  retry: boolean
}

const SUPPORT: Bilingual = {
  zh: '如仍无法解决，请联系技术支持，并告知下面的文件路径和技术信息。',
  en: 'If that does not help, call support and give them the file path and the technical details below.',
}

const UNTOUCHED: Bilingual = {
  zh: '本程序没有删除或覆盖这个文件，也没有新建空的数据库来代替它。',
  en: 'The app has not deleted or replaced this file, nor created an empty database in its place.',
}

const TEXT: Record<StartupProblem, ProblemText> = {
  notDatabase: {
    title: { zh: '数据文件无法识别', en: 'The data file is not a database' },
    cause: {
      zh: '这个文件不是本程序的数据库文件，可能被其他程序覆盖或替换了。',
      en: 'This file is not a database this app can read. Another program may have overwritten or replaced it.',
    },
    todo: {
      zh: '请不要删除这个文件。请从备份恢复（数据文件夹中的 backups 文件夹），或联系技术支持。',
      en: 'Do not delete the file. Restore a backup (the backups folder in the data folder), or call support.',
    },
    retry: false,
  },
  corrupt: {
    title: { zh: '数据文件已损坏', en: 'The data file is damaged' },
    cause: {
      zh: '数据文件已损坏，常见原因是保存时断电或电脑意外关机。',
      en: 'The data file is damaged, usually by a power cut or a crash while it was being written.',
    },
    todo: {
      zh: '请不要删除这个文件。请从备份恢复（数据文件夹中的 backups 文件夹），或联系技术支持。',
      en: 'Do not delete the file. Restore a backup (the backups folder in the data folder), or call support.',
    },
    retry: false,
  },
  locked: {
    title: { zh: '数据文件正被占用', en: 'The data file is in use' },
    cause: {
      zh: '另一个程序正在使用这个数据文件，例如另一台电脑通过共享文件夹打开了它，或备份、杀毒软件正在读取它。',
      en: 'Another program is using the data file: another computer through a shared folder, or backup or antivirus software.',
    },
    todo: {
      zh: '请关闭正在使用该文件的程序，然后点击“重试”。',
      en: 'Close the program that is using the file, then click “Try again”.',
    },
    retry: true,
  },
  unreadable: {
    title: { zh: '无法读取数据文件', en: 'The data file cannot be read' },
    cause: {
      zh: '没有读取这个文件的权限，或者它所在的磁盘、U 盘或网络位置当前不可用。',
      en: 'The app may not read this file, or the drive, USB stick or network location it is on is not available.',
    },
    todo: {
      zh: '请检查磁盘或网络连接以及文件权限，然后点击“重试”。',
      en: 'Check the drive or network connection and the file’s permissions, then click “Try again”.',
    },
    retry: true,
  },
  tooNew: {
    title: { zh: '数据文件来自更新的版本', en: 'The data file is from a newer version' },
    cause: {
      zh: '这个数据文件已被更新版本的本程序使用过。为保护数据，旧版本不会打开它。',
      en: 'A newer version of this app has used this data file. To protect the data, this older version will not open it.',
    },
    todo: {
      zh: '请安装最新版本的本程序后再打开。',
      en: 'Install the newer version of the app, then start it again.',
    },
    retry: false,
  },
  migrationFailed: {
    title: { zh: '数据文件升级失败', en: 'The data file could not be upgraded' },
    cause: {
      zh: '本版本需要更新数据文件的结构，但更新时出错。升级前的备份保存在数据文件夹的 backups 文件夹中。',
      en: 'This version must update the structure of the data file, and the update failed. A backup taken before the update is in the backups folder of the data folder.',
    },
    todo: {
      zh: '请不要反复尝试，请联系技术支持。',
      en: 'Do not keep retrying; call support.',
    },
    retry: false,
  },
  unknown: {
    title: { zh: '程序无法启动', en: 'The app could not start' },
    cause: {
      zh: '启动时发生了意外错误。',
      en: 'An unexpected error happened while starting.',
    },
    todo: {
      zh: '请重新启动电脑后再试。',
      en: 'Restart the computer and try again.',
    },
    retry: true,
  },
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const STYLE = `
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 24px 32px; color: #1f2329; line-height: 1.6; }
  h1 { font-size: 20px; color: #c0392b; margin: 0; }
  h2 { font-size: 15px; margin: 16px 0 4px; }
  p { margin: 6px 0 0; }
  .en { color: #646a73; font-size: 13px; margin-top: 0; }
  .path { font-family: Consolas, "Courier New", monospace; background: #f5f6f7; border: 1px solid #dee0e3; padding: 8px 10px; word-break: break-all; user-select: all; }
  .safe { background: #f0f9eb; border-left: 4px solid #67c23a; padding: 4px 12px 8px; }
  .actions { margin: 16px 0; }
  .actions a { display: inline-block; margin-right: 12px; padding: 8px 18px; border-radius: 4px; border: 1px solid #409eff; color: #409eff; text-decoration: none; }
  .actions a.primary { background: #409eff; color: #fff; }
  details { font-size: 12px; color: #646a73; }
  pre { white-space: pre-wrap; word-break: break-all; }
`

function para(text: Bilingual): string {
  return `<p>${escapeHtml(text.zh)}</p>\n<p class="en">${escapeHtml(text.en)}</p>`
}

/** A complete HTML document; every interpolated value is escaped. */
export function startupErrorHtml(failure: StartupFailure): string {
  const text = TEXT[failure.problem] ?? TEXT.unknown
  const link = (action: StartupAction, zh: string, en: string, primary = false) =>
    `<a href="${STARTUP_ACTIONS[action]}"${primary ? ' class="primary"' : ''}>${escapeHtml(zh)} · ${escapeHtml(en)}</a>`
  const actions = [
    // Where waiting can help, trying again is the likely next step; elsewhere, finding the file.
    text.retry ? link('retry', '重试', 'Try again', true) : '',
    link('openFolder', '打开数据文件夹', 'Open the data folder', !text.retry),
    link('quit', '退出', 'Quit'),
  ].filter(Boolean)
  const technical = [`problem: ${failure.problem}`, `data folder: ${failure.dataDir}`]
  if (failure.detail) technical.push(`detail: ${failure.detail}`)
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(text.title.zh)} · ${escapeHtml(text.title.en)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(text.title.zh)}</h1>
<p class="en">${escapeHtml(text.title.en)}</p>
${para(text.cause)}
<h2>文件 · File</h2>
<div class="path" data-testid="location">${escapeHtml(failure.location)}</div>
<h2>怎么办 · What to do</h2>
${para(text.todo)}
<div class="actions">${actions.join('')}</div>
<div class="safe">${para(UNTOUCHED)}</div>
${para(SUPPORT)}
<details><summary>技术信息 · Technical details</summary>
<pre>${escapeHtml(technical.join('\n'))}</pre>
</details>
</body>
</html>
`
}

/** The page as a data: URL, so nothing is written to disk next to a damaged file. */
export function startupErrorUrl(failure: StartupFailure): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(startupErrorHtml(failure), 'utf8').toString('base64')}`
}
