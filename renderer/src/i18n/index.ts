/**
 * vue-i18n in composition mode. zh-CN is the default and the schema the other locales must match
 * (each locale file `satisfies` its zh-CN twin). Element Plus's own texts follow the same choice.
 */
import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCnElement from 'element-plus/es/locale/lang/zh-cn'
import zhTwElement from 'element-plus/es/locale/lang/zh-tw'
import enElement from 'element-plus/es/locale/lang/en'
import zhCN from './locales/zh-CN'
import zhTW from './locales/zh-TW'
import en from './locales/en'

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export type MessageSchema = typeof zhCN

/** Remembers the language on this PC, so the sign-in screen speaks it before settings are readable. */
const STORAGE_KEY = 'station.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(value) ? value : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  missingWarn: false,
  fallbackWarn: false,
})

const elementLocales = { 'zh-CN': zhCnElement, 'zh-TW': zhTwElement, en: enElement }

/** Element Plus's locale for ElConfigProvider, following the current language. */
export const elementLocale = computed(() => elementLocales[i18n.global.locale.value])

/** Whether someone chose a language on this PC (which then wins over the station's setting). */
export function hasLocalLocaleChoice(): boolean {
  try {
    return isLocale(globalThis.localStorage?.getItem(STORAGE_KEY))
  } catch {
    return false
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** `remember: false` applies the station's setting without recording it as this PC's choice. */
export function setLocale(locale: Locale, options: { remember?: boolean } = {}): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (options.remember === false) return
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Private storage may be unavailable; the setting on the server still holds the choice.
  }
}
