// @vitest-environment happy-dom
/**
 * Every message key main or the shared schemas can send has a text in every language, and the
 * error helper puts each problem where it belongs.
 */
import './support/fake-station'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@contract/api'
import type { IdProblem } from '@contract/rules/id-number'
import { describeError, translateProblem, translateWarning } from '@/api/errors'
import { i18n, LOCALES, setLocale } from '@/i18n'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

const ELECTRON = join(process.cwd(), 'electron')
const text = sources(ELECTRON)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')
const literalKeys = [...new Set([...text.matchAll(/'((?:validation|errors)\.[a-zA-Z.]+)'/g)].map((m) => m[1]))]
// `validation.id.${problem}` is built from the ID checker's problems.
const idProblems: IdProblem[] = ['format', 'checksum', 'birthDate', 'futureBirthDate', 'legacy15']
const warningKeys = [...new Set([...text.matchAll(/warnings\.push\('([a-zA-Z]+)'\)/g)].map((m) => m[1]))]
const codes = [
  'VALIDATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'UNTRUSTED_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
]

function leafKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k))
}

afterEach(() => setLocale('zh-CN'))

describe('messages', () => {
  it('found the keys in the main-process sources (the scan itself works)', () => {
    expect(literalKeys).toContain('validation.id.duplicate')
    expect(literalKeys).toContain('errors.placeNotEmpty')
    expect(literalKeys.length).toBeGreaterThan(30)
    expect(warningKeys).toContain('mobileUnallocated')
  })

  it.each(LOCALES)('%s has a text for every key main can send', (locale) => {
    const { te } = i18n.global
    const missing = [
      ...literalKeys,
      ...idProblems.map((p) => `validation.id.${p}`),
      ...codes.map((c) => `errors.code.${c}`),
      ...warningKeys.map((w) => `warnings.${w}`),
    ].filter((key) => !te(key, locale))
    expect(missing).toEqual([])
  })

  it('has the same keys in every language, none left empty', () => {
    const messages = i18n.global.messages.value
    const base = leafKeys(messages['zh-CN']).sort()
    for (const locale of LOCALES) {
      expect(leafKeys(messages[locale]).sort()).toEqual(base)
      for (const key of base) expect(i18n.global.t(key, {}, { locale }), `${locale}:${key}`).not.toBe('')
    }
  })

  it('writes zh-TW in Traditional characters for the glossary terms', () => {
    setLocale('zh-TW')
    const { t } = i18n.global
    expect(t('layout.menu.residents')).toBe('居民檔案')
    expect(t('places.kinds.grid')).toBe('網格')
    expect(t('options.relation.head')).toBe('戶主')
  })
})

describe('error helper', () => {
  const conflict = new ApiError({
    code: 'CONFLICT',
    message: 'errors.validation',
    fields: [{ path: 'idNumber', message: 'validation.id.duplicate', params: { name: '张三', id: 12 } }],
  })

  it('puts a problem with a field the form shows next to it, and toasts nothing', () => {
    const d = describeError(conflict, ['name', 'idNumber'])
    expect(d.toast).toBeNull()
    expect(translateProblem(d.fields.idNumber)).toBe('该身份证号已登记：张三（档案 12）')
  })

  it('toasts a field problem the form does not show', () => {
    const d = describeError(conflict, ['name'])
    expect(d.fields).toEqual({})
    expect(d.toast).toBe('该身份证号已登记：张三（档案 12）')
  })

  it('translates each code, with its parameters, and follows the language', () => {
    const toast = (payload: ConstructorParameters<typeof ApiError>[0]) => describeError(new ApiError(payload)).toast
    expect(toast({ code: 'FORBIDDEN', message: 'errors.forbidden' })).toBe('您的账号没有此项操作的权限')
    expect(toast({ code: 'NOT_FOUND', message: 'errors.notFound', params: { what: 'resident' } })).toBe(
      '未找到该居民档案，可能已被他人修改',
    )
    expect(toast({ code: 'CONFLICT', message: 'errors.placeNotEmpty' })).toContain('请先迁出或归档')
    expect(toast({ code: 'INTERNAL', message: 'errors.somethingNew' })).toBe(
      '系统出现内部错误，请稍后重试；如反复出现，请联系管理员',
    )
    expect(describeError(new Error('boom')).toast).toBe('系统出现内部错误，请稍后重试；如反复出现，请联系管理员')
    setLocale('en')
    expect(toast({ code: 'UNAUTHENTICATED', message: 'errors.badCredentials', params: { remaining: 2 } })).toBe(
      'Wrong username or password. 2 attempts left.',
    )
    expect(toast({ code: 'FORBIDDEN', message: 'errors.accountLocked', params: { minutes: 5 } })).toContain('5 minutes')
    expect(translateProblem({ message: 'validation.id.checksum' })).toContain('check character')
    expect(translateWarning('mobileUnallocated')).toContain('outside the known number ranges')
  })

  it('shows a duplicate found by the database index, which has no name, without empty brackets', () => {
    expect(translateProblem({ message: 'validation.id.duplicate', params: { name: '', id: '' } })).toBe(
      '该身份证号已登记',
    )
  })

  it('falls back to a generic text for a validation key this version does not know', () => {
    expect(translateProblem({ message: 'validation.somethingNew' })).toBe('格式不正确')
  })
})
