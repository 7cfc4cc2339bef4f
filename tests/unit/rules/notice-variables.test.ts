import { describe, expect, it } from 'vitest'
import {
  builtinValues,
  fillVariables,
  findVariables,
  formatChineseDate,
  unfilledVariables,
} from '../../../electron/contract/rules/notice-variables'

describe('formatChineseDate', () => {
  it('writes Arabic numerals without leading zeros (GB/T 9704-2012)', () => {
    expect(formatChineseDate('2026-11-24')).toBe('2026年11月24日')
    expect(formatChineseDate('2027-01-05')).toBe('2027年1月5日')
  })
})

describe('findVariables', () => {
  it('lists each variable once, in order, with spaces inside the braces ignored', () => {
    expect(findVariables('定于{{会议时间}}在{{ 会议地点 }}召开，{{会议时间}}前签到')).toEqual(['会议时间', '会议地点'])
  })

  it('ignores braces that hold no name or hold markup', () => {
    expect(findVariables('{{}} {{ }} {{<b>x</b>}} {单花括号}')).toEqual([])
  })
})

describe('fillVariables', () => {
  it('fills what has a value, escapes it in HTML, and leaves the rest to be flagged', () => {
    const html = '<p>在{{会议地点}}召开，{{会议时间}}开始</p>'
    const out = fillVariables(html, { 会议地点: '二楼<会议室>&"活动室"', 会议时间: '  ' }, { html: true })
    expect(out).toBe('<p>在二楼&lt;会议室&gt;&amp;&quot;活动室&quot;召开，{{会议时间}}开始</p>')
    expect(unfilledVariables(out)).toEqual(['会议时间'])
  })

  it('leaves a title as text', () => {
    expect(fillVariables('关于{{事项}}的通知', { 事项: 'A&B' }, { html: false })).toBe('关于A&B的通知')
  })
})

describe('unfilledVariables', () => {
  it('finds a placeholder that formatting split across tags', () => {
    expect(unfilledVariables('<p>{{截止<strong>时间</strong>}}</p>')).toEqual(['截止时间'])
  })

  it('reports a stray pair of braces as unfinished', () => {
    expect(unfilledVariables('<p>请于{{ 前缴费</p>')).toEqual(['{{ }}'])
    expect(unfilledVariables('<p>已填好</p>')).toEqual([])
  })
})

describe('builtinValues', () => {
  it('fills the station’s values and today; 社区名称 falls back to the station name', () => {
    const v = builtinValues({
      stationName: '幸福社区党群服务中心',
      community: '',
      address: '幸福路1号',
      phone: '0816-2345678',
      today: '2026-11-24',
    })
    expect(v).toEqual({
      单位名称: '幸福社区党群服务中心',
      社区名称: '幸福社区党群服务中心',
      单位地址: '幸福路1号',
      联系电话: '0816-2345678',
      今天: '2026年11月24日',
    })
  })
})
