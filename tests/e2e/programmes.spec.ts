/**
 * 五点半学校 end to end, on the real services and a fresh SQLite file: staff create a term, enrol
 * three children with their guardians (found by pinyin initials), sign them in at the counter
 * (typing letters, Enter marks present), sign them out (a stranger is refused with the names of
 * who may collect), and save the session's sign-in sheet as PDF. Screenshots at 1366×768 go to
 * test-results and /tmp/shots/programmes-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { noticeSchemas } from '../../electron/contract/notice-schemas'
import { programmeSchemas } from '../../electron/contract/programme-schemas'
import { schemas } from '../../electron/contract/schemas'
import { shanghaiToday } from '../../electron/contract/rules/dates'
import { isPublicHoliday } from '../../electron/contract/rules/programme-schedule'
import type { Locator } from '@playwright/test'
import { test, expect, type StationApp } from './fixtures'
import { field, fill, printDialog, savePdf, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'

/** The text box of an Element Plus input inside a part of the page (the id sits on the input). */
const input = (scope: Locator, testId: string) =>
  scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

// A step that cannot find its element fails in seconds, not at the end of the test's three minutes.
test.use({ actionTimeout: 15_000 })

const CHILDREN = [
  { name: '王小明', initials: 'wxm', born: '2018-05-01', guardian: ['王建国', '父亲', '13812340001'] },
  { name: '李华', initials: 'lh', born: '2017-09-10', guardian: ['李秀英', '奶奶', '13812340002'] },
  { name: '张小三', initials: 'zxs', born: '2019-01-20', guardian: ['张伟', '父亲', '13812340003'] },
] as const

/** A term that has today in it, on every weekday, so that today's session exists when it is a workday. */
function term(): { start: string; end: string; today: string } {
  const today = shanghaiToday()
  const d = new Date(`${today}T00:00:00Z`)
  const start = new Date(d.getTime() - 7 * 86_400_000).toISOString().slice(0, 10)
  const end = new Date(d.getTime() + 60 * 86_400_000).toISOString().slice(0, 10)
  return { start, end, today }
}

test('a 五点半学校 term: create, enrol three children with guardians, sign in and out, save the sign-in sheet as PDF', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page, services } = app
  const { start, end, today } = term()
  const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
  const console = watchConsole(page)
  await seedAdministrator(services)
  for (const c of CHILDREN)
    await services.residents.create(CTX, schemas.residentInput.parse({ name: c.name, birthDate: c.born, gender: 'M' }))
  await app.open('/')
  await signIn(page)

  // The term.
  await page.getByTestId('menu-programmes').click()
  await page.getByTestId('programmes-new').click()
  const form = page.getByTestId('programme-dialog')
  await expect(form).toBeVisible()
  await fill(page, 'pf-name', '冬季五点半学校')
  await fill(page, 'pf-organiser', '幸福社区党群服务中心')
  await fill(page, 'pf-place', '二楼活动室')
  await field(page, 'pf-age-min').fill('6')
  await field(page, 'pf-age-max').fill('12')
  await fill(page, 'pf-term-start', start)
  await field(page, 'pf-term-start').press('Enter')
  await fill(page, 'pf-term-end', end)
  await field(page, 'pf-term-end').press('Enter')
  await shot(app, 'programmes-01-new')
  await form.getByTestId('pf-save').click()
  await expect(page.getByTestId('programme-title')).toHaveText('冬季五点半学校')
  await expect(page.getByTestId('session-row').first()).toBeVisible()
  // On a weekend or a public holiday the timetable has no session today: one is added, as staff
  // would for a special opening, so the journey runs whatever the day.
  if (weekday > 5 || isPublicHoliday(today)) {
    const programme = await services.models.Programme.findOne({ where: { name: '冬季五点半学校' } })
    await services.programmes.programmes.addSession(CTX, {
      programmeId: programme!.id,
      date: today,
      startTime: '16:30',
      endTime: '18:30',
    })
    await page.reload()
    await expect(page.getByTestId('session-row').first()).toBeVisible()
  }

  // Three children, each with a guardian who may collect them.
  await page.getByRole('tab', { name: /在册/ }).click()
  for (const c of CHILDREN) {
    await page.getByTestId('pd-enrol').click()
    const dialog = page.getByTestId('enrol-dialog')
    await expect(dialog).toBeVisible()
    await dialog.locator('.resident-picker input').fill(c.initials)
    await page.locator('.el-select-dropdown:visible').getByText(c.name, { exact: true }).click()
    const contact = dialog.getByTestId('contact-row').first()
    await input(contact, 'ec-name').fill(c.guardian[0])
    await input(contact, 'ec-relation').fill(c.guardian[1])
    await input(contact, 'ec-phone').fill(c.guardian[2])
    if (c.name === '王小明') {
      await input(dialog, 'enrol-allergies').fill('花生过敏')
      await shot(app, 'programmes-02-enrol')
    }
    await dialog.getByTestId('enrol-submit').click()
    await expect(dialog).toBeHidden()
  }
  await expect(page.getByTestId('enrolled-row')).toHaveCount(3)
  await expect(page.getByTestId('enrolled-table')).toContainText('138****0001')
  await expect(page.getByTestId('enrolled-table')).not.toContainText('花生')
  await expectTidyScreen(page, console)
  await shot(app, 'programmes-03-enrolled')

  // A grandmother may collect 王小明 too: added later; the father's masked number is kept.
  const mingRow = page.getByTestId('enrolled-row').filter({ hasText: '王小明' })
  await mingRow.getByTestId('er-edit').click()
  const edit = page.getByTestId('enrol-dialog')
  await expect(edit).toBeVisible()
  await edit.getByTestId('enrol-add-contact').click()
  const grandma = edit.getByTestId('contact-row').nth(1)
  await input(grandma, 'ec-name').fill('王奶奶')
  await input(grandma, 'ec-relation').fill('奶奶')
  await edit.getByTestId('enrol-submit').click()
  await expect(edit).toBeHidden()
  await expect(mingRow).toContainText('王奶奶（奶奶）')
  await expect(mingRow).toContainText('138****0001')
  await expect(mingRow).toContainText('有（已隐藏）')

  // Today's session at the counter.
  await page.getByRole('tab', { name: /场次/ }).click()
  const session = await services.models.ProgrammeSession.findOne({ where: { date: today } })
  expect(session).not.toBeNull()
  await page.locator(`[data-testid="session-row"][data-id="${session!.id}"]`).getByTestId('sr-sign-in').click()
  await expect(page.getByTestId('counter-title')).toContainText('冬季五点半学校')
  const search = field(page, 'counter-search')
  await expect(search).toBeFocused()
  await search.pressSequentially('wxm')
  await expect(page.getByTestId('counter-row')).toHaveCount(1)
  await search.press('Enter')
  await expect(page.getByTestId('counter-row')).toHaveCount(3)
  await expect(page.getByTestId('counter-row').filter({ hasText: '王小明' })).toHaveAttribute('data-status', 'present')
  await search.pressSequentially('lh')
  await expect(page.getByTestId('counter-row')).toHaveCount(1)
  await search.press('F2')
  await expect(page.getByTestId('counter-row').filter({ hasText: '李华' })).toHaveAttribute('data-status', 'late')
  await page.getByTestId('counter-row').filter({ hasText: '张小三' }).getByTestId('cr-present').click()
  await expect(page.getByTestId('counter-counts')).toContainText('出勤 2')
  await shot(app, 'programmes-04-counter')

  // Sign-out: a stranger is refused, with who may collect; the listed father is not.
  const ming = page.getByTestId('counter-row').filter({ hasText: '王小明' })
  await ming.getByTestId('cr-sign-out').click()
  const pickUp = page.getByTestId('pickup-dialog')
  await expect(pickUp).toBeVisible()
  await input(pickUp, 'pickup-other').fill('陌生人')
  await pickUp.getByTestId('pickup-confirm').click()
  await expect(page.locator('.el-message--error')).toContainText('可接送：王建国（父亲）、王奶奶（奶奶）')
  await shot(app, 'programmes-05-refused')
  await pickUp.getByTestId('pickup-option').filter({ hasText: '王建国' }).click()
  await expect(pickUp).toBeHidden()
  await expect(ming.getByTestId('cr-out')).toContainText('王建国')
  for (const [name, by] of [
    ['李华', '李秀英'],
    ['张小三', '张伟'],
  ] as const) {
    await page.getByTestId('counter-row').filter({ hasText: name }).getByTestId('cr-sign-out').click()
    await pickUp.getByTestId('pickup-option').filter({ hasText: by }).click()
    await expect(pickUp).toBeHidden()
    await expect(page.getByTestId('counter-row').filter({ hasText: name }).getByTestId('cr-out')).toContainText(by)
  }
  await expectTidyScreen(page, console)

  // The filled sign-in sheet as PDF.
  await page.getByTestId('counter-print').click()
  const print = await printDialog(page)
  await shot(app, 'programmes-06-sheet')
  const saved = await savePdf(print, app.print.suggested)
  expect(existsSync(saved)).toBe(true)
  const log = await services.printing.log(noticeSchemas.printLogQuery.parse({}))
  expect(log.items[0]).toMatchObject({ documentType: 'programme-sign-in-sheet' })
  await print.getByTestId('print-close').click()

  // The month's figures: one session held, three of three there, two hours each.
  const programme = (await services.models.Programme.findOne())!
  await app.open(`/programmes/${programme.id}`)
  await page.getByRole('tab', { name: '月度统计' }).click()
  const figures = page.getByTestId('pd-figures')
  await expect(figures).toContainText('3 / 3')
  await expect(figures).toContainText('100%')
  await expectTidyScreen(page, console)
  await shot(app, 'programmes-07-month')
})

test('the programme and counter screens in English and Traditional Chinese at 1366×768', async ({ app, runtime }) => {
  test.skip(runtime === 'electron', 'the same screens as in Chromium; the locale is set through the page')
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const admin = (await services.models.Account.findOne())!
  const call: CallContext = {
    actor: { accountId: admin.id, role: 'admin', displayName: admin.displayName },
    channel: 'test',
  }
  const { start, end } = term()
  const { detail } = await services.programmes.programmes.save(
    call,
    programmeSchemas.programmeSave.parse({
      data: {
        name: '日间照料',
        type: 'day-care',
        organiser: '幸福社区党群服务中心',
        place: '一楼日间照料室',
        capacity: 1,
        ageMin: 60,
        weekdays: [1, 3, 5],
        startTime: '09:00',
        endTime: '11:30',
        termStart: start,
        termEnd: end,
      },
    }),
  )
  const pid = detail.programme.id
  for (const [name, born] of [
    ['刘桂兰', '1941-03-02'],
    ['陈建华', '1946-08-20'],
  ] as const) {
    const r = await services.residents.create(call, schemas.residentInput.parse({ name, birthDate: born, gender: 'F' }))
    await services.programmes.enrolments.enrol(
      call,
      programmeSchemas.enrol.parse({
        programmeId: pid,
        residentId: r.id,
        contacts: [CHILDREN[0].guardian].map(([n, rel, p]) => ({ name: n, relation: rel, phone: p, guardian: true })),
      }),
    )
  }
  const sid = detail.sessions[0]!.id
  for (const [locale, title] of [
    ['en', 'Day care'],
    ['zh-TW', '日間照料'],
  ] as const) {
    await app.open('/')
    await page.evaluate((l) => localStorage.setItem('station.locale', l), locale)
    await page.reload()
    // The second round may find the window still signed in.
    await expect(page.getByTestId('signin-username').or(page.getByTestId('header-account'))).toBeVisible()
    if (await page.getByTestId('signin-username').isVisible()) await signIn(page)
    await expect(page.getByTestId('header-account')).toBeVisible()
    await app.open('/programmes')
    await expect(page.getByTestId('programme-row')).toHaveCount(1)
    await expect(page.getByTestId('programmes-table')).toContainText(title)
    await expectTidyScreen(page, console)
    await shot(app, `programmes-list-${locale}`)
    await app.open(`/programmes/${pid}`)
    await expect(page.getByTestId('programme-title')).toHaveText('日间照料')
    // The waiting list: one place, two people.
    await page.getByRole('tab').nth(2).click()
    await expect(page.locator('.waiting-row')).toHaveCount(1)
    await expectTidyScreen(page, console)
    await shot(app, `programmes-detail-${locale}`)
    await app.open(`/programmes/sessions/${sid}/sign-in`)
    await expect(page.getByTestId('counter-row')).toHaveCount(1)
    await expectTidyScreen(page, console)
    await shot(app, `programmes-counter-${locale}`)
  }
})
