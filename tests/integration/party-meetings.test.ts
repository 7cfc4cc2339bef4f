import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AttendanceStatus, MeetingDto, MeetingType } from '../../electron/contract/party-dto'
import type { MeetingInput } from '../../electron/contract/party-schemas'
import type { CallContext } from '../../electron/services/context'
import { seedBranchViaModels } from '../helpers/party'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

let t: TempContainer
let admin: CallContext
const clock = testClock('2026-11-24T02:00:00Z') // 10:00 on the 24th in Shanghai

const seedViaModels = seedBranchViaModels

let seed: Awaited<ReturnType<typeof seedViaModels>>

beforeEach(async () => {
  clock.set('2026-11-24T02:00:00Z')
  t = await tempContainer({ now: clock.now })
  admin = await setupAdmin(t.services)
  seed = await seedViaModels(t.services)
})
afterEach(async () => t.dispose())

/** The editor's input for a meeting as it stands, with changes on top. */
function edit(m: MeetingDto, over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: m.title,
    startAt: m.startAt,
    endAt: m.endAt,
    place: m.place,
    chairMemberId: m.chairMemberId,
    recorderMemberId: m.recorderMemberId,
    lecturer: m.lecturer,
    topic: m.topic,
    theme: m.theme,
    themeForm: m.themeForm,
    attendance: m.attendance.map((a) => ({ memberId: a.memberId, status: a.status, reason: a.reason })),
    observers: m.observers,
    agenda: m.agenda,
    followUps: m.followUps.map((f) => ({ id: f.id, text: f.text, ownerMemberId: f.ownerMemberId, dueDate: f.dueDate })),
    ...over,
  }
}

async function create(type: MeetingType, over: { groupId?: number | null; title?: string; startAt?: string } = {}) {
  return t.services.meetings.create(admin, {
    branchId: seed.branchId,
    groupId: over.groupId ?? null,
    type,
    title: over.title ?? '十一月支部会议',
    startAt: over.startAt ?? '2026-11-28T09:30',
    place: '社区党群服务中心二楼会议室',
  })
}

/** Attendance by name: everyone listed, with the given statuses (present otherwise). */
function attendance(names: string[], statuses: Record<string, AttendanceStatus> = {}): MeetingInput['attendance'] {
  return names.map((n) => ({
    memberId: seed.byName[n]!,
    status: statuses[n] ?? 'present',
    reason: statuses[n] === 'leave' ? '外出' : null,
  }))
}

const VOTING_EIGHT = ['王建国', '李红梅', '张伟', '刘芳', '陈明', '杨丽', '赵强', '黄敏']

describe('who should attend', () => {
  it('derives the list from the type: the branch’s active members, the committee, or one group', async () => {
    const general = await create('general')
    // 周杰 flowed out: not expected at home.
    expect(general.attendance.map((a) => a.name)).not.toContain('周杰')
    expect(general.attendance).toHaveLength(11)
    expect(general.attendance.every((a) => a.status === 'present')).toBe(true)
    expect(general.attendance.filter((a) => !a.voting).map((a) => a.name)).toEqual(['徐磊', '孙悦'])
    expect(general.checks).toMatchObject({ expected: 11, expectedVoting: 9, quorumApplies: true, quorumMet: true })
    expect(general.status).toBe('draft')
    expect(general.branchName).toBe('第一党支部')

    const committee = await create('committee')
    expect(committee.attendance.map((a) => a.name)).toEqual(['王建国', '李红梅', '张伟', '刘芳', '陈明'])

    const refused = await failure(create('group'))
    expect(refused.fields?.[0]).toMatchObject({ path: 'groupId', message: 'errors.party.groupRequired' })
    const other = await seedViaModels(t.services, '第二党支部')
    const foreign = await failure(create('group', { groupId: other.groupIds[0] }))
    expect(foreign.fields?.[0]).toMatchObject({ path: 'groupId', message: 'errors.party.groupNotInBranch' })
    const group = await create('group', { groupId: seed.groupIds[0] })
    expect(group.groupName).toBe('第一党小组')
    expect(group.attendance.map((a) => a.name)).toEqual(['王建国', '张伟', '陈明', '杨丽', '黄敏', '徐磊'])
    expect(group.checks.quorumApplies).toBe(false)

    const audit = await t.services.audit.list({ entity: 'meeting', page: 1, pageSize: 50 })
    expect(audit.items.filter((a) => a.action === 'create')).toHaveLength(3)
  })

  it('keeps the name as it was at the meeting when the member is renamed later', async () => {
    const m = await create('committee')
    await t.services.models.PartyMember.update({ name: '王建国（改）' }, { where: { id: seed.byName['王建国'] } })
    const again = await t.services.meetings.update(admin, m.id, edit(m, { chairMemberId: seed.byName['王建国']! }))
    expect(again.attendance[0]!.name).toBe('王建国')
    expect(again.chairName).toBe('王建国')
  })
})

describe('quorum and majority', () => {
  it('exactly half of the voting members present is no quorum, and a vote recorded then is flagged', async () => {
    const m = await create('general')
    const absent = Object.fromEntries(['陈明', '杨丽', '赵强', '黄敏'].map((n) => [n, 'absent' as const]))
    // Eight voting members plus both probationary members, all probationary present.
    const saved = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, {
        attendance: attendance([...VOTING_EIGHT, '徐磊', '孙悦'], absent),
        agenda: [
          {
            topic: '发展对象的确定',
            record: '',
            dissent: '',
            vote: { for: 4, against: 0, abstain: 0 },
            resolution: '',
          },
          { topic: '学习', record: '传达学习', dissent: '', vote: null, resolution: '' },
        ],
      }),
    )
    // Probationary members attend but do not count: 4 of 8, not 6 of 10.
    expect(saved.checks).toMatchObject({
      expected: 10,
      present: 6,
      absent: 4,
      expectedVoting: 8,
      presentVoting: 4,
      quorumApplies: true,
      quorumMet: false,
    })
    expect(saved.checks.votes).toEqual([
      { passed: false, flag: 'noQuorum' },
      { passed: null, flag: null },
    ])
    // Recorded as entered, not dropped.
    expect(saved.agenda[0]!.vote).toEqual({ for: 4, against: 0, abstain: 0 })
    const audit = await t.services.audit.list({ entity: 'meeting', page: 1, pageSize: 50 })
    const update = audit.items.find((a) => a.action === 'update')
    expect(JSON.stringify(update?.after)).toContain('noQuorum')
  })

  it('a tie fails, a majority of a thin room fails, counts beyond the room are flagged', async () => {
    const m = await create('general')
    const vote = (f: number, a: number, ab = 0) => ({
      topic: `议题${f}-${a}`,
      record: '',
      dissent: '',
      vote: { for: f, against: a, abstain: ab },
      resolution: '',
    })
    const all = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, { attendance: attendance(VOTING_EIGHT), agenda: [vote(4, 4), vote(5, 3)] }),
    )
    expect(all.checks.quorumMet).toBe(true)
    expect(all.checks.votes).toEqual([
      { passed: false, flag: null },
      { passed: true, flag: null },
    ])

    const five = Object.fromEntries(['杨丽', '赵强', '黄敏'].map((n) => [n, 'leave' as const]))
    const thin = await t.services.meetings.update(
      admin,
      m.id,
      edit(all, { attendance: attendance(VOTING_EIGHT, five), agenda: [vote(4, 1), vote(5, 2)] }),
    )
    expect(thin.checks).toMatchObject({ presentVoting: 5, leave: 3, quorumMet: true })
    // 4 of the 8 who should attend is not more than half, though it is 4 of the 5 there.
    expect(thin.checks.votes).toEqual([
      { passed: false, flag: null },
      { passed: true, flag: 'countsExceedPresent' },
    ])
    expect(thin.attendance.find((a) => a.name === '杨丽')).toMatchObject({ status: 'leave', reason: '外出' })
  })

  it('a committee of five needs three present', async () => {
    const m = await create('committee')
    const names = ['王建国', '李红梅', '张伟', '刘芳', '陈明']
    const two = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, { attendance: attendance(names, { 张伟: 'absent', 刘芳: 'absent', 陈明: 'leave' }) }),
    )
    expect(two.checks.quorumMet).toBe(false)
    const three = await t.services.meetings.update(
      admin,
      m.id,
      edit(two, { attendance: attendance(names, { 张伟: 'absent', 刘芳: 'absent' }) }),
    )
    expect(three.checks.quorumMet).toBe(true)
  })
})

describe('editing a draft', () => {
  it('refuses members of another branch, duplicates, and a stale form', async () => {
    const other = await seedViaModels(t.services, '第二党支部')
    const m = await create('committee')
    const stranger = await failure(
      t.services.meetings.update(
        admin,
        m.id,
        edit(m, {
          attendance: [...edit(m).attendance, { memberId: other.byName['王建国']!, status: 'present', reason: null }],
        }),
      ),
    )
    expect(stranger.fields).toEqual([{ path: 'attendance.5.memberId', message: 'errors.party.memberNotInBranch' }])
    const chair = await failure(
      t.services.meetings.update(admin, m.id, edit(m, { chairMemberId: other.byName['张伟']! })),
    )
    expect(chair.fields?.[0]?.path).toBe('chairMemberId')
    const twice = await failure(
      t.services.meetings.update(admin, m.id, edit(m, { attendance: [...edit(m).attendance, edit(m).attendance[0]!] })),
    )
    expect(twice.fields?.[0]?.message).toBe('errors.party.duplicateAttendee')

    const first = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, { observers: ['社区民警 王警官'] }),
      m.updatedAt,
    )
    expect(first.observers).toEqual(['社区民警 王警官'])
    // The same form sent again after someone else saved.
    const stale = await failure(t.services.meetings.update(admin, m.id, edit(m), m.updatedAt))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toBe('errors.party.staleEdit')
  })

  it('keeps follow-up ids and their done dates across edits, orders agenda items as given', async () => {
    const m = await create('committee')
    const owner = seed.byName['张伟']!
    const one = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, {
        agenda: ['甲', '乙', '丙'].map((topic) => ({ topic, record: '', dissent: '', vote: null, resolution: '' })),
        followUps: [
          { text: '走访困难党员', ownerMemberId: owner, dueDate: '2026-12-10' },
          { text: '整理学习笔记', ownerMemberId: null, dueDate: null },
        ],
      }),
    )
    expect(one.followUps.map((f) => f.ownerName)).toEqual(['张伟', null])
    await t.services.meetings.followUpDone(admin, { id: one.followUps[0]!.id, done: true, date: '2026-11-30' })
    const fresh = await t.services.meetings.get(m.id)
    const two = await t.services.meetings.update(
      admin,
      m.id,
      edit(fresh, {
        agenda: [...fresh.agenda].reverse(),
        followUps: [{ ...edit(fresh).followUps[0]!, text: '走访困难党员（三户）' }],
      }),
    )
    expect(two.agenda.map((a) => a.topic)).toEqual(['丙', '乙', '甲'])
    expect(two.followUps).toHaveLength(1)
    expect(two.followUps[0]).toMatchObject({
      id: one.followUps[0]!.id,
      text: '走访困难党员（三户）',
      doneDate: '2026-11-30',
    })
  })
})

describe('lifecycle', () => {
  it('finalise, then only an amendment changes it; the original text stays', async () => {
    const m = await create('committee')
    const empty = await t.services.meetings.update(admin, m.id, edit(m, { attendance: [] }))
    const refused = await failure(t.services.meetings.finalise(admin, m.id))
    expect(refused.message).toBe('errors.party.noAttendance')

    const amendDraft = await failure(t.services.meetings.amend(admin, m.id, '补记'))
    expect(amendDraft.message).toBe('errors.party.notFinalised')

    const draft = await t.services.meetings.update(
      admin,
      m.id,
      edit(empty, {
        attendance: attendance(['王建国', '李红梅', '张伟', '刘芳', '陈明']),
        agenda: [
          { topic: '研究走访安排', record: '王建国：分三组走访。', dissent: '', vote: null, resolution: '通过' },
        ],
      }),
    )
    clock.set('2026-11-28T06:00:00Z')
    const final = await t.services.meetings.finalise(admin, m.id)
    expect(final.status).toBe('finalised')
    expect(final.finalisedAt).toBe('2026-11-28T06:00:00.000Z')
    expect(final.finalisedBy).toBe('管理员')

    const locked = await failure(t.services.meetings.update(admin, m.id, edit(draft, { title: '改标题' })))
    expect(locked).toMatchObject({ code: 'CONFLICT', message: 'errors.party.locked' })
    expect((await failure(t.services.meetings.discard(admin, m.id))).message).toBe('errors.party.locked')
    expect((await failure(t.services.meetings.finalise(admin, m.id))).message).toBe('errors.party.locked')

    clock.set('2026-12-02T01:00:00Z')
    const amended = await t.services.meetings.amend(admin, m.id, '更正：走访分四组进行。')
    expect(amended.amendments).toEqual([
      { id: expect.any(Number), at: '2026-12-02T01:00:00.000Z', byName: '管理员', text: '更正：走访分四组进行。' },
    ])
    expect(amended.agenda[0]!.record).toBe('王建国：分三组走访。')
    expect(amended.title).toBe('十一月支部会议')
    const actions = (
      await t.services.audit.list({ entity: 'meeting', entityId: String(m.id), page: 1, pageSize: 50 })
    ).items.map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'finalise', 'amend']))
  })

  it('discards a draft softly: gone from the list and from get', async () => {
    const keep = await create('committee', { title: '保留的会议' })
    const gone = await create('general', { title: '作废的会议' })
    await t.services.meetings.discard(admin, gone.id)
    expect((await failure(t.services.meetings.get(gone.id))).code).toBe('NOT_FOUND')
    const list = await t.services.meetings.list({ page: 1, pageSize: 50 })
    expect(list.items.map((i) => i.id)).toEqual([keep.id])
    expect(await t.services.models.Meeting.count()).toBe(2)
  })

  it('lists newest first with filters on branch, type, status, dates and title', async () => {
    const a = await create('committee', { title: '九月支委会', startAt: '2026-09-10T14:00' })
    const b = await create('general', { title: '十月党员大会', startAt: '2026-10-15T09:00' })
    const c = await create('committee', { title: '十月支委会', startAt: '2026-10-31T19:00' })
    await t.services.meetings.finalise(admin, c.id)
    const ids = async (q: Record<string, unknown>) =>
      (await t.services.meetings.list({ page: 1, pageSize: 50, ...q })).items.map((i) => i.id)
    expect(await ids({})).toEqual([c.id, b.id, a.id])
    expect(await ids({ type: 'committee' })).toEqual([c.id, a.id])
    expect(await ids({ status: 'finalised' })).toEqual([c.id])
    // `to` takes in the whole day, to the evening meeting.
    expect(await ids({ from: '2026-10-01', to: '2026-10-31' })).toEqual([c.id, b.id])
    expect(await ids({ q: '大会' })).toEqual([b.id])
    expect(await ids({ branchId: seed.branchId + 1 })).toEqual([])
    const item = (await t.services.meetings.list({ page: 1, pageSize: 50, q: '九月' })).items[0]!
    expect(item).toMatchObject({ expected: 5, present: 5, type: 'committee', groupName: null })
  })
})

describe('follow-ups', () => {
  it('shows an open item past its due date as overdue (Shanghai’s today), and tracks it to done after finalising', async () => {
    const m = await create('committee')
    const saved = await t.services.meetings.update(
      admin,
      m.id,
      edit(m, {
        followUps: [
          { text: '昨天到期', ownerMemberId: null, dueDate: '2026-11-23' },
          { text: '今天到期', ownerMemberId: null, dueDate: '2026-11-24' },
          { text: '没有期限', ownerMemberId: null, dueDate: null },
        ],
      }),
    )
    expect(saved.followUps.map((f) => f.overdue)).toEqual([true, false, false])
    await t.services.meetings.finalise(admin, m.id)
    // 2026-11-24T17:00Z is already the 25th in Shanghai.
    clock.set('2026-11-24T17:00:00Z')
    expect((await t.services.meetings.get(m.id)).followUps.map((f) => f.overdue)).toEqual([true, true, false])
    const done = await t.services.meetings.followUpDone(admin, { id: saved.followUps[0]!.id, done: true })
    expect(done).toMatchObject({ doneDate: '2026-11-25', overdue: false })
    const reopened = await t.services.meetings.followUpDone(admin, { id: saved.followUps[0]!.id, done: false })
    expect(reopened).toMatchObject({ doneDate: null, overdue: true })
  })
})

describe('attachments', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)])
  const pdf = Buffer.from('%PDF-1.4\n%…\n')
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])

  it('stores files in the record, checks their bytes and size, and keeps them once finalised', async () => {
    const m = await create('committee')
    const a = await t.services.meetings.attach(admin, {
      meetingId: m.id,
      fileName: '签到表.png',
      mime: 'image/png',
      dataBase64: png.toString('base64'),
    })
    expect(a).toMatchObject({ fileName: '签到表.png', mime: 'image/png', size: png.length })
    expect((await t.services.meetings.attachment(a.id)).dataBase64).toBe(png.toString('base64'))

    const mismatch = await failure(
      t.services.meetings.attach(admin, {
        meetingId: m.id,
        fileName: '照片.jpg',
        mime: 'image/jpeg',
        dataBase64: png.toString('base64'),
      }),
    )
    expect(mismatch).toMatchObject({ code: 'VALIDATION', message: 'errors.party.attachmentMismatch' })
    const renamed = await failure(
      t.services.meetings.attach(admin, {
        meetingId: m.id,
        fileName: '记录.pdf',
        mime: 'application/pdf',
        dataBase64: Buffer.from('PK\u0003\u0004 a docx').toString('base64'),
      }),
    )
    expect(renamed.message).toBe('errors.party.attachmentMismatch')
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 - pdf.length + 1)])
    const tooBig = await failure(
      t.services.meetings.attach(admin, {
        meetingId: m.id,
        fileName: '扫描.pdf',
        mime: 'application/pdf',
        dataBase64: big.toString('base64'),
      }),
    )
    expect(tooBig.message).toBe('errors.party.attachmentTooLarge')
    // Exactly 10 MB is allowed.
    const justFits = await t.services.meetings.attach(admin, {
      meetingId: m.id,
      fileName: '扫描.pdf',
      mime: 'application/pdf',
      dataBase64: big.subarray(0, 10 * 1024 * 1024).toString('base64'),
    })
    expect(justFits.size).toBe(10 * 1024 * 1024)
    await t.services.meetings.removeAttachment(admin, justFits.id)

    await t.services.meetings.finalise(admin, m.id)
    // The photos often come after the record is finalised.
    const later = await t.services.meetings.attach(admin, {
      meetingId: m.id,
      fileName: '会议照片.jpg',
      mime: 'image/jpeg',
      dataBase64: jpeg.toString('base64'),
    })
    expect((await t.services.meetings.get(m.id)).attachments.map((x) => x.fileName)).toEqual([
      '签到表.png',
      '会议照片.jpg',
    ])
    const removeLocked = await failure(t.services.meetings.removeAttachment(admin, later.id))
    expect(removeLocked.message).toBe('errors.party.locked')
  })
})

describe('a meeting notice', () => {
  it('fills the meeting template from the meeting, leaving nothing unfilled', async () => {
    await t.services.settings.update(admin, { stationName: '幸福社区党群服务中心', phone: '0816-2345678' })
    const m = await create('committee', { title: '支委会' })
    await t.services.meetings.update(
      admin,
      m.id,
      edit(m, {
        agenda: ['研究冬季走访', '讨论发展对象'].map((topic) => ({
          topic,
          record: '',
          dissent: '',
          vote: null,
          resolution: '',
        })),
      }),
    )
    const n = await t.services.meetings.makeNotice(admin, m.id)
    expect(n.title).toBe('关于召开支委会的通知')
    expect(n.bodyHtml).toContain('定于2026年11月28日 9:30在社区党群服务中心二楼会议室召开支委会')
    expect(n.bodyHtml).toContain('参会人员：支委会成员')
    expect(n.bodyHtml).toContain('会议内容：研究冬季走访；讨论发展对象')
    expect(n.unfilled).toEqual([])
    expect(n.status).toBe('draft')

    const g = await create('group', {
      groupId: seed.groupIds[1],
      title: '第二党小组学习会',
      startAt: '2026-12-03T14:05',
    })
    const gn = await t.services.meetings.makeNotice(admin, g.id)
    expect(gn.bodyHtml).toContain('2026年12月3日 14:05')
    expect(gn.bodyHtml).toContain('参会人员：第二党小组全体党员')
    // No agenda yet: the title stands in for the content.
    expect(gn.bodyHtml).toContain('会议内容：第二党小组学习会')
    const general = await t.services.meetings.makeNotice(admin, (await create('general')).id)
    expect(general.bodyHtml).toContain('参会人员：全体党员')
  })
})
