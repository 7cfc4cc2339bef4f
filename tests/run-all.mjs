#!/usr/bin/env node
// `npm test`: every runner in turn — static checks (types, lint, format), Vitest (unit, integration, renderer components), then the
// renderer build and Playwright (end to end) — and one closing line that adds them all up:
// "N passed, N failed, N skipped". Installs nothing. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from './e2e/support/find-chromium.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const results = join(root, 'test-results')
mkdirSync(results, { recursive: true })
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const browser = await findChromium()
if ('missing' in browser) {
  console.error(browser.missing)
  process.exit(1)
}

function run(label, command, args) {
  console.log(`\n=== ${label} ===`)
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  return r.status ?? 1
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const notes = []

// 0. Static checks, each counted as one test: the types, the linter and the formatter.
for (const [label, command, args] of [
  ['Typecheck (tsc, vue-tsc)', 'npm', ['run', '-s', 'typecheck']],
  ['Lint (ESLint)', bin('eslint'), ['.']],
  ['Format (Prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
]) {
  if (run(label, command, args) === 0) totals.passed += 1
  else {
    totals.failed += 1
    notes.push(`${label} failed`)
  }
}

// 1. Vitest
const vitestJson = join(results, 'vitest-results.json')
rmSync(vitestJson, { force: true })
const vitestStatus = run('Vitest: unit, integration, components', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
  totals.passed += v.numPassedTests
  totals.failed += v.numFailedTests
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  // A suite that failed to load has no tests to count, but it is a failure.
  if (vitestStatus !== 0 && v.numFailedTests === 0) totals.failed += Math.max(1, v.numFailedTestSuites ?? 0)
} else {
  notes.push('Vitest wrote no results')
  totals.failed += 1
}

// 2. Build the app (renderer + preload are what the end-to-end tests load), then Playwright.
const buildStatus = run('Build (electron-vite)', bin('electron-vite'), ['build'])
if (buildStatus !== 0) {
  notes.push('the build failed, so the end-to-end tests did not run')
  totals.failed += 1
} else {
  const pwJson = join(results, 'e2e-results.json')
  rmSync(pwJson, { force: true })
  const pwStatus = run(`Playwright: end to end (browser: ${browser.path})`, bin('playwright'), ['test'])
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats
    totals.passed += s.expected + (s.flaky ?? 0)
    totals.failed += s.unexpected
    totals.skipped += s.skipped
    if (pwStatus !== 0 && s.unexpected === 0) totals.failed += 1
  } else {
    notes.push('Playwright wrote no results')
    totals.failed += 1
  }
}

for (const note of notes) console.log(`note: ${note}`)
const line = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
writeFileSync(join(results, 'summary.txt'), line + '\n')
console.log(`\n${line}`)
process.exit(totals.failed > 0 ? 1 : 0)
