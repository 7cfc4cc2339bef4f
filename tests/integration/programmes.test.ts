/**
 * Service programmes against a real SQLite file: schedules across the 2026 Spring Festival and
 * National Day (dates from chinese-days, asserted here as the State Council published them),
 * eligibility and its recorded override, the waiting list, masked health notes, the counter's
 * sign-in and the pick-up check, and the follow-up list.
 */
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { programmeSchemas } from '../../electron/contract/programme-schemas'
import type { ProgrammeDetailDto } from '../../electron/contract/programme-dto'
import { isMakeUpWorkday, isPublicHoliday } from '../../electron/contract/rules/programme-schedule'
import type { CallContext } from '../../electron/services/context'
import type { ServiceContainer } from '../../electron/services/container'
import { enrolInput, GUARDIANS, programmeInput, seedPeople } from '../helpers/programmes'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

let t: TempContainer
let s: ServiceContainer
let admin: CallContext
const clock = testClock('2026-02-05T02:00:00Z')

beforeEach(async () => {
  clock.set('2026-02-05T02:00:00Z')
  t = await tempContainer({ now: clock.now })
  s = t.services
  admin = await setupAdmin(s)
})
afterEach(async () => t.dispose())

const dates = (d: ProgrammeDetailDto, status = 'scheduled') =>
  d.sessions.filter((x) => x.status === status).map((x) => x.date)

function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10))
  return out
}

describe('the holiday calendar (chinese-days) for 2026', () => {
  it('has the Spring Festival on 15–23 February with make-up Saturdays on the 14th and 28th', () => {
    expect(range('2026-02-12', '2026-03-01').filter(isPublicHoliday)).toEqual(range('2026-02-15', '2026-02-23'))
    expect(range('2026-02-01', '2026-03-31').filter(isMakeUpWorkday)).toEqual(['2026-02-14', '2026-02-28'])
  })

  it('has Mid-Autumn on 25–27 September and National Day on 1–7 October, make-up days 20 Sep and 10 Oct', () => {
    expect(range('2026-09-20', '2026-10-12').filter(isPublicHoliday)).toEqual([
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      ...range('2026-10-01', '2026-10-07'),
    ])
    expect(range('2026-09-01', '2026-10-31').filter(isMakeUpWorkday)).toEqual(['2026-09-20', '2026-10-10'])
  })
})

describe('schedules', () => {
  it('a weekday term across the Spring Festival skips the holiday and meets on both make-up Saturdays', async () => {
    const { detail } = await s.programmes.programmes.save(admin, programmeInput())
    expect(dates(detail)).toEqual([
      ...range('2026-02-09', '2026-02-14'), // Mon 9 … Fri 13, and Saturday 14 worked in lieu
      ...range('2026-02-24', '2026-02-28'), // Tue 24 … Fri 27, and Saturday 28 worked in lieu
      ...range('2026-03-02', '2026-03-06'),
    ])
    expect(detail.skipped.map((x) => x.date)).toEqual([...range('2026-02-16', '2026-02-20'), '2026-02-23'])
    expect(detail.skipped.every((x) => x.festival === '春节')).toBe(true)
    expect(detail.sessions.every((x) => x.startTime === '16:30' && x.endTime === '18:30')).toBe(true)
  })

  it('a Saturday programme skips the festival Saturday and keeps the make-up Saturdays', async () => {
    const { detail } = await s.programmes.programmes.save(
      admin,
      programmeInput({ weekdays: [6], termStart: '2026-02-01', termEnd: '2026-03-07' }),
    )
    expect(dates(detail)).toEqual(['2026-02-07', '2026-02-14', '2026-02-28', '2026-03-07'])
    expect(detail.skipped.map((x) => x.date)).toEqual(['2026-02-21'])
  })

  it('across Mid-Autumn and National Day: every-workday programmes meet on 20 Sep and 10 Oct, Mon/Wed ones do not', async () => {
    const term = { termStart: '2026-09-14', termEnd: '2026-10-16' }
    const daily = (await s.programmes.programmes.save(admin, programmeInput({ ...term, name: '秋季五点半学校' })))
      .detail
    expect(dates(daily)).toEqual([
      ...range('2026-09-14', '2026-09-18'),
      '2026-09-20', // Sunday worked in lieu
      ...range('2026-09-21', '2026-09-24'),
      ...range('2026-09-28', '2026-09-30'),
      '2026-10-08',
      '2026-10-09',
      '2026-10-10', // Saturday worked in lieu
      ...range('2026-10-12', '2026-10-16'),
    ])
    expect(daily.skipped.map((x) => `${x.date} ${x.festival}`)).toEqual([
      '2026-09-25 中秋',
      '2026-10-01 国庆节',
      '2026-10-02 国庆节',
      '2026-10-05 国庆节',
      '2026-10-06 国庆节',
      '2026-10-07 国庆节',
    ])
    const monWed = (
      await s.programmes.programmes.save(
        admin,
        programmeInput({ ...term, name: '日间照料', type: 'day-care', weekdays: [1, 3], ageMin: 60, ageMax: null }),
      )
    ).detail
    expect(dates(monWed)).toEqual([
      '2026-09-14',
      '2026-09-16',
      '2026-09-21',
      '2026-09-23',
      '2026-09-28',
      '2026-09-30',
      '2026-10-12',
      '2026-10-14',
    ])
  })

  it('cancels and adds single sessions, and a changed timetable keeps both and any session with attendance', async () => {
    const { detail } = await s.programmes.programmes.save(admin, programmeInput())
    const p = detail.programme
    const feb10 = detail.sessions.find((x) => x.date === '2026-02-10')!
    const cancelled = await s.programmes.programmes.cancelSession(admin, feb10.id, '教室检修')
    expect(cancelled).toMatchObject({ status: 'cancelled', note: '教室检修' })
    const extra = await s.programmes.programmes.addSession(admin, {
      programmeId: p.id,
      date: '2026-02-22',
      startTime: '09:00',
      endTime: '11:00',
    })
    expect(extra.origin).toBe('added')
    expect((await failure(s.programmes.programmes.cancelSession(admin, feb10.id, '再取消'))).message).toBe(
      'errors.programmes.sessionCancelled',
    )
    const dup = await failure(
      s.programmes.programmes.addSession(admin, {
        programmeId: p.id,
        date: '2026-02-22',
        startTime: '09:00',
        endTime: '11:00',
      }),
    )
    expect(dup.code).toBe('CONFLICT')

    // Attendance on Wednesday 11th; then the timetable drops Wednesdays.
    const { children } = await seedPeople(s, admin)
    const e = (
      await s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: p.id, residentId: children.liHua.id }))
    ).enrolment
    const feb11 = detail.sessions.find((x) => x.date === '2026-02-11')!
    await s.programmes.attendance.mark(admin, { sessionId: feb11.id, enrolmentId: e.id, status: 'present', note: null })
    expect((await failure(s.programmes.programmes.cancelSession(admin, feb11.id, '临时'))).message).toBe(
      'errors.programmes.sessionHasAttendance',
    )

    const after = (
      await s.programmes.programmes.save(admin, programmeInput({ weekdays: [1, 2, 4, 5], endTime: '18:00' }, p.id))
    ).detail
    expect(dates(after)).toContain('2026-02-11') // attendance kept it
    expect(dates(after)).not.toContain('2026-02-25') // a Wednesday nobody signed in to
    expect(dates(after)).toContain('2026-02-22') // the added Sunday stays
    expect(dates(after)).not.toContain('2026-02-14') // no longer every workday: no make-up day
    expect(dates(after, 'cancelled')).toEqual(['2026-02-10'])
    expect(after.sessions.find((x) => x.date === '2026-02-12')!.endTime).toBe('18:00')
  })

  it('refuses a term that ends before it starts, a 低偿 fee without an amount, and a custom type without a name', () => {
    const bad = programmeSchemas.programmeSave.safeParse({
      data: { ...programmeInput().data, termEnd: '2026-01-01', feeMode: 'low', feeAmount: null, type: 'custom' },
    })
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`)
    expect(paths).toEqual(
      expect.arrayContaining([
        'data.termEnd validation.programmes.termOrder',
        'data.feeAmount validation.programmes.feeAmount',
        'data.customType validation.required',
      ]),
    )
  })
})

describe('enrolment', () => {
  it('checks age and required tags; an override needs a reason, which is kept and audited', async () => {
    const { working, children, elder } = await seedPeople(s, admin)
    const { detail } = await s.programmes.programmes.save(admin, programmeInput({ requiredTagIds: [working.id] }))
    const pid = detail.programme.id
    expect(detail.programme.requiredTags).toEqual(['双职工家庭'])

    const noTag = await failure(
      s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: pid, residentId: children.chenJing.id })),
    )
    expect(noTag.code).toBe('VALIDATION')
    expect(noTag.message).toBe('errors.programmes.notEligible')
    expect(noTag.fields).toEqual([
      { path: 'residentId', message: 'errors.programmes.tagsMissing', params: { tags: '双职工家庭' } },
    ])

    const old = await failure(
      s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: pid, residentId: elder.id })),
    )
    expect(old.fields!.map((f) => f.message)).toEqual(['errors.programmes.ageOutside', 'errors.programmes.tagsMissing'])
    expect(old.fields![0]!.params).toEqual({ age: 86, min: 6, max: 12 })

    const overridden = await s.programmes.enrolments.enrol(
      admin,
      enrolInput({ programmeId: pid, residentId: children.chenJing.id, overrideReason: '母亲单亲，下班晚' }),
    )
    expect(overridden.enrolment).toMatchObject({ status: 'enrolled', overrideReason: '母亲单亲，下班晚' })
    const eligible = await s.programmes.enrolments.enrol(
      admin,
      enrolInput({ programmeId: pid, residentId: children.liHua.id, overrideReason: '不需要' }),
    )
    expect(eligible.enrolment.overrideReason).toBeNull()

    const again = await failure(
      s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: pid, residentId: children.liHua.id })),
    )
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'errors.programmes.alreadyEnrolled' })

    const audit = await s.audit.list({
      entity: 'enrolment',
      entityId: String(overridden.enrolment.id),
      page: 1,
      pageSize: 10,
    })
    expect(audit.items[0]!.after).toMatchObject({
      overrideReason: '母亲单亲，下班晚',
      problems: ['errors.programmes.tagsMissing'],
    })
  })

  it('a full programme waits people in order; a freed place moves the first in and says so; leaving keeps the history', async () => {
    const { children } = await seedPeople(s, admin)
    const pid = (await s.programmes.programmes.save(admin, programmeInput({ capacity: 3 }))).detail.programme.id
    const enrol = async (residentId: number) => {
      clock.advance(60_000)
      return (await s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: pid, residentId }))).enrolment
    }
    const a = await enrol(children.wangXiaoming.id)
    await enrol(children.liHua.id)
    await enrol(children.zhangSan.id)
    const w1 = await enrol(children.zhaoLei.id)
    const w2 = await s.programmes.enrolments.enrol(
      admin,
      enrolInput({ programmeId: pid, residentId: children.chenJing.id, overrideReason: '特殊情况' }),
    )
    expect(w1).toMatchObject({ status: 'waiting', waitingPosition: 1 })
    expect(w2.enrolment).toMatchObject({ status: 'waiting', waitingPosition: 2 })

    clock.advance(60_000)
    const left = await s.programmes.enrolments.leave(admin, a.id, '转学')
    expect(left.enrolment).toMatchObject({ status: 'left', leftReason: '转学' })
    expect(left.moved).toEqual([
      expect.objectContaining({ enrolmentId: w1.id, name: '赵磊', at: clock.now().toISOString() }),
    ])

    const detail = await s.programmes.programmes.get(pid)
    expect(detail.enrolled.map((e) => e.name).sort()).toEqual(['张三', '李华', '赵磊'].sort())
    expect(detail.waiting.map((e) => [e.name, e.waitingPosition])).toEqual([['陈静', 1]])
    expect(detail.left.map((e) => e.name)).toEqual(['王小明'])
    expect(detail.moves.map((m) => m.name)).toEqual(['赵磊'])
    expect(detail.programme).toMatchObject({ enrolledCount: 3, waitingCount: 1 })
    expect((await failure(s.programmes.enrolments.leave(admin, a.id, null))).message).toBe(
      'errors.programmes.alreadyLeft',
    )

    // Leaving the waiting list frees no place; raising the capacity does.
    const raised = await s.programmes.programmes.save(admin, programmeInput({ capacity: 4 }, pid))
    expect(raised.moved.map((m) => m.name)).toEqual(['陈静'])
    expect(raised.detail.waiting).toEqual([])

    // Someone who left can enrol again: a new enrolment, the old one stays as it was.
    const back = await enrol(children.wangXiaoming.id)
    expect(back.status).toBe('waiting')
    expect((await s.programmes.programmes.get(pid)).left.map((e) => e.id)).toEqual([a.id])
  })

  it('keeps health notes and contact phones masked until revealed, and audits the reveal', async () => {
    const { children } = await seedPeople(s, admin)
    const pid = (await s.programmes.programmes.save(admin, programmeInput())).detail.programme.id
    const { enrolment } = await s.programmes.enrolments.enrol(
      admin,
      enrolInput({
        programmeId: pid,
        residentId: children.wangXiaoming.id,
        contacts: GUARDIANS,
        allergies: '花生过敏',
        medication: '哮喘喷雾随身',
      }),
    )
    expect(enrolment).toMatchObject({ hasAllergies: true, hasMedication: true })
    expect(enrolment.contacts.map((c) => c.phone)).toEqual(['138****0001', '138****0002'])
    const wire = JSON.stringify(await s.programmes.programmes.get(pid))
    expect(wire).not.toContain('花生')
    expect(wire).not.toContain('13812340001')
    const audits = await s.audit.list({ entity: 'enrolment', page: 1, pageSize: 10 })
    expect(JSON.stringify(audits)).not.toContain('花生')

    const revealed = await s.programmes.enrolments.reveal(admin, enrolment.id)
    expect(revealed).toMatchObject({ allergies: '花生过敏', medication: '哮喘喷雾随身' })
    expect(revealed.contacts.map((c) => c.phone)).toEqual(['13812340001', '13812340002'])
    const after = await s.audit.list({ entity: 'enrolment', entityId: String(enrolment.id), page: 1, pageSize: 10 })
    expect(after.items[0]).toMatchObject({ action: 'reveal' })

    // An edit that keeps the masks keeps the numbers and, unless changed, the health notes.
    const updated = await s.programmes.enrolments.update(
      admin,
      programmeSchemas.enrolmentUpdate.parse({
        id: enrolment.id,
        contacts: enrolment.contacts.map((c) => ({ ...c, phone: c.phone })),
      }),
    )
    expect(updated.hasAllergies).toBe(true)
    expect((await s.programmes.enrolments.reveal(admin, enrolment.id)).contacts.map((c) => c.phone)).toEqual([
      '13812340001',
      '13812340002',
    ])
  })
})

describe('sessions at the counter', () => {
  async function term() {
    const people = await seedPeople(s, admin)
    const { detail } = await s.programmes.programmes.save(admin, programmeInput({ capacity: 10 }))
    const enrol = async (residentId: number, contacts = GUARDIANS) =>
      (
        await s.programmes.enrolments.enrol(
          admin,
          enrolInput({ programmeId: detail.programme.id, residentId, contacts, overrideReason: '测试' }),
        )
      ).enrolment
    const ming = await enrol(people.children.wangXiaoming.id)
    const hua = await enrol(people.children.liHua.id, [{ ...GUARDIANS[0]!, name: '李强' }])
    const san = await enrol(people.children.zhangSan.id, [])
    return { detail, ming, hua, san, sessions: detail.sessions }
  }

  it('finds people by pinyin initials, full pinyin or characters, and one call marks them present', async () => {
    const { sessions, ming, san } = await term()
    const sid = sessions[0]!.id
    const roster = await s.programmes.attendance.roster(sid)
    expect(roster.rows.map((r) => r.name)).toEqual(['李华', '王小明', '张三'])
    expect((await s.programmes.attendance.roster(sid, 'wxm')).rows.map((r) => r.name)).toEqual(['王小明'])
    expect((await s.programmes.attendance.roster(sid, 'ZS')).rows.map((r) => r.name)).toEqual(['张三'])
    expect((await s.programmes.attendance.roster(sid, 'wang')).rows.map((r) => r.name)).toEqual(['王小明'])
    expect((await s.programmes.attendance.roster(sid, '小明')).rows.map((r) => r.name)).toEqual(['王小明'])
    expect((await s.programmes.attendance.roster(sid, '%')).rows).toEqual([])

    clock.set('2026-02-09T08:31:00Z')
    const row = await s.programmes.attendance.mark(admin, {
      sessionId: sid,
      enrolmentId: ming.id,
      status: 'present',
      note: null,
    })
    expect(row).toMatchObject({ status: 'present', signedInAt: '2026-02-09T08:31:00.000Z' })
    clock.set('2026-02-09T08:40:00Z')
    const late = await s.programmes.attendance.mark(admin, {
      sessionId: sid,
      enrolmentId: ming.id,
      status: 'late',
      note: '堵车',
    })
    expect(late).toMatchObject({ status: 'late', signedInAt: '2026-02-09T08:31:00.000Z', note: '堵车' })
    const absent = await s.programmes.attendance.mark(admin, {
      sessionId: sid,
      enrolmentId: san.id,
      status: 'absent-notice',
      note: '生病',
    })
    expect(absent.signedInAt).toBeNull()
    expect((await s.programmes.attendance.roster(sid)).session.recorded).toBe(2)
  })

  it('hands a 五点半学校 child only to a listed pick-up person, and says who is allowed', async () => {
    const { sessions, ming, san } = await term()
    const sid = sessions[0]!.id
    const notIn = await failure(
      s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: ming.id, pickedUpBy: '王建国' }),
    )
    expect(notIn.message).toBe('errors.programmes.notSignedIn')

    clock.set('2026-02-09T08:31:00Z')
    await s.programmes.attendance.mark(admin, { sessionId: sid, enrolmentId: ming.id, status: 'present', note: null })
    const stranger = await failure(
      s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: ming.id, pickedUpBy: '陌生人' }),
    )
    expect(stranger).toMatchObject({
      code: 'CONFLICT',
      message: 'errors.programmes.pickUpRefused',
      params: { name: '陌生人', allowed: '王建国（父亲）、李秀英（奶奶）' },
    })
    const nobody = await failure(
      s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: ming.id, pickedUpBy: null }),
    )
    expect(nobody.fields?.[0]?.message).toBe('errors.programmes.pickUpRequired')

    clock.set('2026-02-09T10:25:00Z')
    const out = await s.programmes.attendance.signOut(admin, {
      sessionId: sid,
      enrolmentId: ming.id,
      pickedUpBy: ' 李秀英 ',
    })
    expect(out).toMatchObject({ signedOutAt: '2026-02-09T10:25:00.000Z', pickedUpBy: '李秀英' })
    const twice = await failure(
      s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: ming.id, pickedUpBy: '王建国' }),
    )
    expect(twice.message).toBe('errors.programmes.alreadySignedOut')

    await s.programmes.attendance.mark(admin, { sessionId: sid, enrolmentId: san.id, status: 'present', note: null })
    const none = await failure(
      s.programmes.attendance.signOut(admin, { sessionId: sid, enrolmentId: san.id, pickedUpBy: '张爸爸' }),
    )
    expect(none.message).toBe('errors.programmes.noPickUpListed')
    const audit = await s.audit.list({ entity: 'programme-session', entityId: String(sid), page: 1, pageSize: 20 })
    expect(audit.items.map((a) => a.action)).toContain('sign-out')
  })

  it('refuses marks on a cancelled session or for someone not enrolled', async () => {
    const { sessions, ming, detail } = await term()
    await s.programmes.programmes.cancelSession(admin, sessions[1]!.id, '停电')
    const cancelled = await failure(
      s.programmes.attendance.mark(admin, {
        sessionId: sessions[1]!.id,
        enrolmentId: ming.id,
        status: 'present',
        note: null,
      }),
    )
    expect(cancelled.message).toBe('errors.programmes.sessionCancelled')
    await s.programmes.enrolments.leave(admin, ming.id, null)
    const gone = await failure(
      s.programmes.attendance.mark(admin, {
        sessionId: sessions[0]!.id,
        enrolmentId: ming.id,
        status: 'present',
        note: null,
      }),
    )
    expect(gone.message).toBe('errors.programmes.notEnrolled')
    expect(detail.programme.id).toBeGreaterThan(0)
  })

  it('flags anyone whose last two sessions were missed without notice; notice or presence breaks the run', async () => {
    const { sessions, ming, hua, san } = await term()
    const [d1, d2, d3] = sessions
    const mark = (sessionId: number, enrolmentId: number, status: 'present' | 'absent' | 'absent-notice') =>
      s.programmes.attendance.mark(admin, { sessionId, enrolmentId, status, note: null })
    // Session 1: everyone there. Session 2: 王小明 absent (no record), 李华 absent with notice.
    // Session 3: 王小明 marked absent, 李华 absent (no record), 张三 there.
    await mark(d1!.id, ming.id, 'present')
    await mark(d1!.id, hua.id, 'present')
    await mark(d1!.id, san.id, 'present')
    await mark(d2!.id, hua.id, 'absent-notice')
    await mark(d2!.id, san.id, 'present')
    await mark(d3!.id, ming.id, 'absent')
    await mark(d3!.id, san.id, 'present')

    clock.set('2026-02-11T12:00:00Z')
    const flagged = await s.programmes.attendance.followUps()
    expect(flagged.map((f) => [f.name, f.missed, f.dates])).toEqual([['王小明', 2, ['2026-02-11', '2026-02-10']]])
    expect(flagged[0]!.contacts[0]).toEqual({ name: '王建国', relation: '父亲', phone: '138****0001' })

    // A session not yet taken (nobody marked) does not count against anyone.
    clock.set('2026-02-13T12:00:00Z')
    expect((await s.programmes.attendance.followUps()).map((f) => f.name)).toEqual(['王小明'])
    // Session 4: 王小明 back, 张三 there; 李华, excused on the 10th, now missed the 11th and 12th.
    await mark(sessions[3]!.id, ming.id, 'present')
    await mark(sessions[3]!.id, san.id, 'present')
    expect((await s.programmes.attendance.followUps()).map((f) => [f.name, f.dates])).toEqual([
      ['李华', ['2026-02-12', '2026-02-11']],
    ])
    await mark(sessions[3]!.id, hua.id, 'absent-notice')
    expect(await s.programmes.attendance.followUps()).toEqual([])
  })
})

describe('the monthly figures', () => {
  it('counts sessions held, the attendance rate against who was enrolled that day, and service hours', async () => {
    const { children } = await seedPeople(s, admin)
    const { detail } = await s.programmes.programmes.save(admin, programmeInput({ capacity: 10 }))
    const pid = detail.programme.id
    const enrol = async (residentId: number) =>
      (await s.programmes.enrolments.enrol(admin, enrolInput({ programmeId: pid, residentId, overrideReason: '测试' })))
        .enrolment
    const a = await enrol(children.wangXiaoming.id)
    const b = await enrol(children.liHua.id)
    const [d9, d10, d11] = detail.sessions
    const mark = (sessionId: number, enrolmentId: number, status: 'present' | 'late' | 'absent-notice') =>
      s.programmes.attendance.mark(admin, { sessionId, enrolmentId, status, note: null })
    await mark(d9!.id, a.id, 'present')
    await mark(d9!.id, b.id, 'late')
    await mark(d10!.id, a.id, 'present')
    await mark(d10!.id, b.id, 'absent-notice')
    // A third child joins on the 10th (Shanghai time) and is expected from then on.
    clock.set('2026-02-10T01:00:00Z')
    const c = await enrol(children.zhangSan.id)
    await mark(d11!.id, c.id, 'present')
    await s.programmes.programmes.cancelSession(admin, detail.sessions.find((x) => x.date === '2026-02-12')!.id, '停水')

    clock.set('2026-02-28T12:00:00Z')
    const feb = await s.programmes.attendance.month(pid, '2026-02')
    expect(feb).toEqual({
      programmeId: pid,
      month: '2026-02',
      enrolled: 3,
      sessionsHeld: 3, // the 9th, 10th and 11th: the other days nobody took attendance
      sessionsCancelled: 1,
      attendances: 4, // 2 on the 9th, 1 on the 10th, 1 on the 11th
      expected: 2 + 3 + 3, // the 10th and 11th expect the newcomer too
      attendanceRate: 0.5,
      serviceHours: 8, // four people × two hours
    })
    const march = await s.programmes.attendance.month(pid, '2026-03')
    expect(march).toMatchObject({ enrolled: 3, sessionsHeld: 0, attendanceRate: null, serviceHours: 0 })

    // The same figures, one row a programme, exported to xlsx (audited like every export).
    const file = await s.exports.exportList(admin, {
      list: 'programme-months',
      query: { month: '2026-02' },
      columns: [
        { key: 'name', header: '项目' },
        { key: 'enrolled', header: '在册' },
        { key: 'sessionsHeld', header: '开展场次' },
        { key: 'attendanceRate', header: '出勤率(%)' },
        { key: 'serviceHours', header: '服务时长' },
      ],
      titleLines: ['服务项目月度统计 2026-02'],
      fileName: '服务项目月度统计',
      full: false,
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets[0]!.getRow(3).values).toEqual([undefined, '春季五点半学校', 3, 3, 50, 8])
  })
})
