// @vitest-environment happy-dom
/**
 * The home page's cards on a fake main: each card loads on its own (one failing shows its error
 * and a retry, the others their data), cards follow the account's permissions, and a follow-up is
 * closed from its row with the note typed there.
 */
import './support/fake-station'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { Permission } from '@contract/permissions'
import { AppError } from '@contract/errors'
import type { VisitFollowUpDto } from '@contract/visit-dto'
import { shanghaiToday } from '@contract/rules/dates'
import HomeView from '@/views/home/index.vue'
import { callsTo, resetStation, setHandlers, type Handlers } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

const today = shanghaiToday()
const followUp = (id: number, dueDate: string, ownerAccountId: number | null): VisitFollowUpDto => ({
  id,
  visitId: id,
  personId: id,
  personName: `李奶奶${id}`,
  text: `跟进事项${id}`,
  ownerAccountId,
  ownerName: ownerAccountId === 1 ? '王管理' : null,
  visitStartAt: `${today}T09:00`,
  dueDate,
  closedAt: null,
})

function handlers(over: Handlers = {}): Handlers {
  let open = [followUp(1, '2020-01-01', 1), followUp(2, '2999-01-01', 1), followUp(3, '2999-01-01', null)]
  return {
    'visits:follow-ups': () => open,
    'visits:close-follow-up': ({ id }) => {
      open = open.filter((f) => f.id !== id)
      return null
    },
    'visit-plans:list': () => {
      throw new AppError('INTERNAL', 'errors.internal')
    },
    'programmes:list': () => [],
    'slots:list': () => [],
    'branches:list': () => [],
    ...over,
  }
}

// The cards link to these screens; blank stand-ins keep the router quiet.
const Blank = defineComponent({ render: () => h('div') })
const routes = ['/', '/settings', '/visit-plan', '/programmes', '/home-visits', '/compliance'].map((path) => ({
  path,
  component: Blank,
  ...(path === '/' ? { name: 'home' } : {}),
}))
const mountHome = (role: Parameters<typeof session>[0], permissions?: Permission[]) =>
  mountWithApp(HomeView, { pinia: signedIn(session(role, permissions)), routes })

afterEach(() => {
  document.body.innerHTML = ''
})

describe('home page', () => {
  it('shows each card on its own: a failing one says so with a retry, the others their data', async () => {
    resetStation(handlers())
    const { wrapper } = await mountHome('admin')
    await flushPromises()
    expect(allByTestId('fu-row')).toHaveLength(2)
    expect(allByTestId('fu-row')[0]!.dataset.overdue).toBe('true')
    expect(byTestId('home-visits-error')?.textContent).toContain('重试')
    expect(byTestId('home-sessions-empty')?.textContent).toBe('今天没有活动或课程。')
    expect(byTestId('home-bookings-empty')).not.toBeNull()
    expect(byTestId('home-compliance-empty')).not.toBeNull()

    // Main answers again: the retry loads that card alone.
    setHandlers(
      handlers({
        'visit-plans:list': ({ from, to }) => ({
          id: null,
          periodFrom: from,
          periodTo: to,
          generatedAt: null,
          stats: null,
          visits: [],
          unassigned: [],
        }),
      }),
    )
    byTestId('home-visits-error')!.querySelector('button')!.click()
    await flushPromises()
    expect(byTestId('home-visits-error')).toBeNull()
    expect(byTestId('home-visits-empty')?.textContent).toBe('今天没有安排走访。')
    expect(callsTo('visits:follow-ups')).toHaveLength(1)
    wrapper.unmount()
  })

  it('closes a follow-up with the note typed in its row; it leaves the list', async () => {
    resetStation(handlers())
    const { wrapper } = await mountHome('admin')
    await flushPromises()
    allByTestId('fu-close')[0]!.click()
    await flushPromises()
    const note = document.querySelector<HTMLInputElement>('input[data-testid="fu-note"]')
    await typeInto(note, ' 已联系助浴服务 ')
    note!.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await flushPromises()
    expect(callsTo('visits:close-follow-up')).toEqual([{ id: 1, note: '已联系助浴服务' }])
    expect(allByTestId('fu-row').map((r) => r.dataset.id)).toEqual(['2'])
    wrapper.unmount()
  })

  it('shows only the cards the account may read: no follow-ups without visits.read, no close without visits.write', async () => {
    resetStation(handlers())
    const secretary = await mountHome('secretary')
    await flushPromises()
    expect(byTestId('home-follow-ups')).toBeNull()
    expect(byTestId('home-visits')).toBeNull()
    expect(byTestId('home-sessions')).toBeNull()
    expect(byTestId('home-compliance')).not.toBeNull()
    expect(callsTo('visits:follow-ups')).toHaveLength(0)
    secretary.wrapper.unmount()

    resetStation(handlers())
    const reader = await mountHome('staff', ['visits.read'])
    await flushPromises()
    expect(allByTestId('fu-row').length).toBeGreaterThan(0)
    expect(allByTestId('fu-close')).toHaveLength(0)
    reader.wrapper.unmount()
  })
})
