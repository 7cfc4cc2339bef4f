// @vitest-environment happy-dom
/**
 * The counter's sign-in screen against the fake station: letters search through main, Enter
 * marks the first match present and clears the box, ↑↓ and F2 work from the keyboard, and a
 * refused pick-up shows main's message naming who may collect the child.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { AppError } from '@contract/errors'
import type { AttendanceStatus, RosterDto, RosterRowDto } from '@contract/programme-dto'
import SignInCounter from '@/views/programmes/SignInCounter.vue'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

const Empty = defineComponent({ render: () => h('div') })

function row(enrolmentId: number, name: string, initials: string): RosterRowDto {
  return {
    enrolmentId,
    residentId: enrolmentId + 100,
    name,
    initials,
    age: 8,
    status: null,
    signedInAt: null,
    signedOutAt: null,
    pickedUpBy: null,
    note: null,
    pickUp: [{ id: enrolmentId * 10, name: '王建国', relation: '父亲' }],
  }
}

let rows: RosterRowDto[]

beforeEach(() => {
  rows = [row(1, '李华', 'lh'), row(2, '王小明', 'wxm'), row(3, '王晓梅', 'wxm')]
  resetStation({
    'sessions:roster': ({ id, q }): RosterDto => {
      const match = rows.filter((r) => !q || r.initials.startsWith(q.toLowerCase()) || r.name.includes(q))
      return {
        session: {
          id,
          programmeId: 5,
          date: '2026-03-02',
          startTime: '16:30',
          endTime: '18:30',
          status: 'scheduled',
          origin: 'schedule',
          note: null,
          recorded: 0,
        },
        programme: { id: 5, name: '春季五点半学校', type: 'after-school', place: '活动室', organiser: '服务中心' },
        rows: match,
        total: match.length,
      }
    },
    'sessions:mark': ({ enrolmentId, status }) => {
      const r = rows.find((x) => x.enrolmentId === enrolmentId)!
      Object.assign(r, { status: status as AttendanceStatus, signedInAt: '2026-03-02T08:31:00.000Z' })
      return r
    },
    'sessions:sign-out': ({ pickedUpBy }) => {
      throw new AppError('CONFLICT', 'errors.programmes.pickUpRefused', {
        params: { name: pickedUpBy ?? '', allowed: '王建国（父亲）' },
      })
    },
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountCounter() {
  const pinia = signedIn(session('staff'))
  return mountWithApp(SignInCounter, {
    pinia,
    props: { id: 9 },
    path: '/',
    routes: [
      { path: '/', name: 'home', component: Empty },
      { path: '/programmes/:id', name: 'programme', component: Empty },
    ],
  })
}

/** An Element Plus input's text box, whether the test id sits on the input or its wrapper. */
const inputOf = (id: string) => byTestId(id)!.querySelector('input') ?? (byTestId(id) as HTMLInputElement)
const search = () => inputOf('counter-search')
const key = async (k: string) => {
  search().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))
  await settle(20)
}
const names = () => allByTestId('counter-row').map((r) => r.querySelector('.counter__name')?.textContent)

describe('the counter sign-in screen', () => {
  it('searches by initials in main, and Enter marks the first match present and clears the box', async () => {
    await mountCounter()
    expect(names()).toEqual(['李华', '王小明', '王晓梅'])
    await typeInto(search(), 'wxm')
    await settle(20)
    expect(callsTo('sessions:roster').at(-1)).toEqual({ id: 9, q: 'wxm' })
    expect(names()).toEqual(['王小明', '王晓梅'])

    await key('ArrowDown')
    await key('Enter')
    expect(callsTo('sessions:mark')).toEqual([{ sessionId: 9, enrolmentId: 3, status: 'present' }])
    expect(search().value).toBe('')
    expect(names()).toEqual(['李华', '王小明', '王晓梅'])
    expect(byTestId('counter-counts')!.textContent).toContain('出勤 1')

    await typeInto(search(), 'lh')
    await settle(20)
    await key('F2')
    expect(callsTo('sessions:mark').at(-1)).toEqual({ sessionId: 9, enrolmentId: 1, status: 'late' })
  })

  it('asks who collects a 五点半学校 child and shows the refusal with who may', async () => {
    rows[1]!.status = 'present'
    rows[1]!.signedInAt = '2026-03-02T08:31:00.000Z'
    await mountCounter()
    const ming = allByTestId('counter-row').find((r) => r.textContent?.includes('王小明'))!
    ;(ming.querySelector('[data-testid="cr-sign-out"]') as HTMLButtonElement).click()
    await settle()
    expect(byTestId('pickup-dialog')!.textContent).toContain('王建国（父亲）')
    await typeInto(inputOf('pickup-other'), '陌生人')
    ;(byTestId('pickup-confirm') as HTMLButtonElement).click()
    await settle()
    expect(callsTo('sessions:sign-out')).toEqual([{ sessionId: 9, enrolmentId: 2, pickedUpBy: '陌生人' }])
    expect(document.body.querySelector('.el-message')?.textContent).toContain(
      '陌生人 不是登记的接送人，不能接走孩子。可接送：王建国（父亲）',
    )
  })
})
