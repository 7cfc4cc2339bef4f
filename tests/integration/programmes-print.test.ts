/**
 * A session's sign-in sheet through the print service, rendered by real Chromium and read back
 * with pdf.js: the blank sheet lists the children with room to sign; the filled one shows what
 * the counter recorded, times on the station's clock and who collected each child.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { readPdf, textLines } from '../helpers/pdf-reader'
import { enrolInput, GUARDIANS, programmeInput, seedPeople } from '../helpers/programmes'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

let engine: ChromiumPrintEngine
beforeAll(async () => {
  engine = await createChromiumPrintEngine()
}, 60_000)
afterAll(async () => engine?.close())

const noSpace = (s: string) => s.replace(/\s+/g, '')
async function pdfLines(base64: string): Promise<string> {
  const content = await readPdf(new Uint8Array(Buffer.from(base64, 'base64')))
  return content.pages.flatMap((p) => textLines(p).map((l) => noSpace(l.text))).join('\n')
}

describe('programme sign-in sheets', () => {
  let t: TempContainer
  let admin: CallContext
  const clock = testClock('2026-02-05T02:00:00Z')

  beforeEach(async () => {
    clock.set('2026-02-05T02:00:00Z')
    t = await tempContainer({
      now: clock.now,
      print: { engine, defaultFolder: '/nonexistent', chooseSavePath: async () => null },
    })
    admin = await setupAdmin(t.services)
  })
  afterEach(async () => t.dispose())

  it('prints the blank sheet with every child and the filled one with times and pick-up people', async () => {
    const s = t.services
    const { children } = await seedPeople(s, admin)
    const { detail } = await s.programmes.programmes.save(admin, programmeInput({ capacity: 10 }))
    const pid = detail.programme.id
    const ids = []
    for (const r of [children.wangXiaoming, children.liHua, children.zhangSan])
      ids.push(
        (
          await s.programmes.enrolments.enrol(
            admin,
            enrolInput({ programmeId: pid, residentId: r.id, contacts: GUARDIANS, overrideReason: '测试' }),
          )
        ).enrolment.id,
      )
    const sid = detail.sessions[0]!.id

    const blank = await s.printing.preview(admin, { type: 'programme-blank-sign-in-sheet', id: sid })
    expect(blank.title).toBe('春季五点半学校 2026-02-09（空白签到表）')
    const blankText = await pdfLines(blank.pdfBase64)
    for (const name of [
      '春季五点半学校签到表',
      '王小明',
      '李华',
      '张三',
      '二楼活动室',
      '2026-02-0916:30—18:30',
      '签退及接送人',
    ])
      expect(blankText).toContain(name)

    clock.set('2026-02-09T08:31:00Z')
    await s.programmes.attendance.mark(admin, { sessionId: sid, enrolmentId: ids[0]!, status: 'present', note: null })
    await s.programmes.attendance.mark(admin, { sessionId: sid, enrolmentId: ids[1]!, status: 'late', note: null })
    await s.programmes.attendance.mark(admin, {
      sessionId: sid,
      enrolmentId: ids[2]!,
      status: 'absent-notice',
      note: '发烧',
    })
    clock.set('2026-02-09T10:20:00Z')
    await s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: ids[0]!, pickedUpBy: '王建国' })

    const filled = await s.printing.preview(admin, { type: 'programme-sign-in-sheet', id: sid })
    const text = await pdfLines(filled.pdfBase64)
    expect(text).toContain('王小明出勤16:3118:20王建国')
    expect(text).toContain('李华迟到16:31')
    expect(text).toContain('张三请假发烧')
    expect(filled.pageCount).toBe(1)
  }, 60_000)

  it('needs the programmes permission to print', async () => {
    const s = t.services
    const { detail } = await s.programmes.programmes.save(admin, programmeInput())
    const nobody: CallContext = { actor: { accountId: 1, role: 'secretary', displayName: '支部书记' }, channel: 'test' }
    const error = await failure(
      s.printing.preview(nobody, { type: 'programme-sign-in-sheet', id: detail.sessions[0]!.id }),
    )
    expect(['FORBIDDEN']).toContain(error.code)
  }, 60_000)
})
