/** The timetable rule and the eligibility check, without a database. */
import { describe, expect, it } from 'vitest'
import {
  festivalName,
  isMakeUpWorkday,
  isPublicHoliday,
  sessionDates,
  weekdayOf,
} from '../../../electron/contract/rules/programme-schedule'
import { eligibilityProblems } from '../../../electron/services/programmes/eligibility'

describe('programme schedule', () => {
  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(['2026-02-09', '2026-02-14', '2026-02-15'].map(weekdayOf)).toEqual([1, 6, 7])
  })

  it('tells a festival day off from an ordinary weekend, and a make-up Saturday from both', () => {
    expect(isPublicHoliday('2026-02-17')).toBe(true) // 春节, a Tuesday
    expect(isPublicHoliday('2026-02-21')).toBe(true) // a Saturday inside the break
    expect(isPublicHoliday('2026-03-07')).toBe(false) // an ordinary Saturday
    expect(isMakeUpWorkday('2026-02-28')).toBe(true)
    expect(isMakeUpWorkday('2026-03-07')).toBe(false)
    expect(festivalName('2026-10-03')).toBe('国庆节')
    expect(festivalName('2026-03-04')).toBeNull()
  })

  it('gives a Sunday programme its ordinary Sundays but not the festival ones', () => {
    const { dates, skipped } = sessionDates([7], '2026-02-01', '2026-03-01')
    expect(dates).toEqual(['2026-02-01', '2026-02-08', '2026-03-01'])
    expect(skipped.map((s) => s.date)).toEqual(['2026-02-15', '2026-02-22'])
  })

  it('gives a one-day term one session or none', () => {
    expect(sessionDates([1, 2, 3, 4, 5], '2026-10-08', '2026-10-08').dates).toEqual(['2026-10-08'])
    expect(sessionDates([4], '2026-10-01', '2026-10-01').dates).toEqual([])
    expect(sessionDates([1], '2026-03-03', '2026-03-02').dates).toEqual([])
  })

  it('meets on a make-up day only when it meets on every workday', () => {
    expect(sessionDates([1, 2, 3, 4, 5, 6], '2026-09-19', '2026-09-20').dates).toEqual(['2026-09-19', '2026-09-20'])
    expect(sessionDates([1, 2, 3, 4], '2026-09-19', '2026-09-20').dates).toEqual([])
  })
})

describe('eligibility', () => {
  const rule = { ageMin: 6, ageMax: 12, requiredTags: [{ id: 1, name: '双职工家庭' }] }

  it('accepts someone of age with the tags', () => {
    expect(eligibilityProblems(rule, { birthDate: '2018-03-01', tagIds: [1, 5] }, '2026-03-01')).toEqual([])
  })

  it('counts age on the day: 6 on the birthday, still 12 the day before turning 13', () => {
    expect(eligibilityProblems(rule, { birthDate: '2020-03-01', tagIds: [1] }, '2026-03-01')).toEqual([])
    expect(eligibilityProblems(rule, { birthDate: '2013-03-02', tagIds: [1] }, '2026-03-01')).toEqual([])
    expect(eligibilityProblems(rule, { birthDate: '2020-03-02', tagIds: [1] }, '2026-03-01')[0]).toMatchObject({
      message: 'errors.programmes.ageOutside',
      params: { age: 5, min: 6, max: 12 },
    })
  })

  it('says when there is no birth date to check and which tags are missing', () => {
    const problems = eligibilityProblems(
      { ...rule, requiredTags: [...rule.requiredTags, { id: 2, name: '低保' }] },
      { birthDate: null, tagIds: [2] },
      '2026-03-01',
    )
    expect(problems).toEqual([
      { path: 'residentId', message: 'errors.programmes.noBirthDate' },
      { path: 'residentId', message: 'errors.programmes.tagsMissing', params: { tags: '双职工家庭' } },
    ])
  })

  it('has nothing to check in an open programme', () => {
    expect(
      eligibilityProblems(
        { ageMin: null, ageMax: null, requiredTags: [] },
        { birthDate: null, tagIds: [] },
        '2026-03-01',
      ),
    ).toEqual([])
  })
})
