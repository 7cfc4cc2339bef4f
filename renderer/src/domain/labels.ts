/** Translated labels for stored values; a value this version does not know is shown as stored. */
import { useI18n } from 'vue-i18n'
import type { Gender, PlaceKind } from '@contract/dto'
import { ETHNIC_GROUPS, POLITICAL_STATUSES, RELATIONS, type Choice } from './options'

function codeOf(choices: readonly Choice[], value: string | null | undefined): string | undefined {
  return value ? choices.find((c) => c.value === value)?.code : undefined
}

export function useLabels() {
  const { t } = useI18n()
  const choice = (group: string, choices: readonly Choice[], value: string | null | undefined) => {
    const code = codeOf(choices, value)
    return code ? t(`options.${group}.${code}`) : (value ?? '')
  }
  return {
    gender: (g: Gender | null | undefined) => (g ? t(`options.gender.${g}`) : ''),
    political: (v: string | null | undefined) => choice('political', POLITICAL_STATUSES, v),
    relation: (v: string | null | undefined) => choice('relation', RELATIONS, v),
    ethnicity: (v: string | null | undefined) => choice('ethnic', ETHNIC_GROUPS, v),
    placeKind: (k: PlaceKind) => t(`places.kinds.${k}`),
    /** Options for a select: stored value, translated label. */
    options: (group: 'political' | 'relation' | 'ethnic') => {
      const list = group === 'political' ? POLITICAL_STATUSES : group === 'relation' ? RELATIONS : ETHNIC_GROUPS
      return list.map((c) => ({ value: c.value, label: t(`options.${group}.${c.code}`) }))
    },
  }
}
