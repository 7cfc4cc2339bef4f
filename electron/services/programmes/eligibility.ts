/** Who may join a programme: its age range and the tags it requires (低保, 独居老人 …). */
import type { FieldError } from '../../contract/errors'
import { ageOn } from '../../contract/rules/dates'

export interface EligibilityRule {
  ageMin: number | null
  ageMax: number | null
  requiredTags: Array<{ id: number; name: string }>
}

/** Each reason the person falls outside the rule, as field errors on `residentId`. */
export function eligibilityProblems(
  rule: EligibilityRule,
  person: { birthDate: string | null; tagIds: number[] },
  today: string,
): FieldError[] {
  const problems: FieldError[] = []
  if (rule.ageMin !== null || rule.ageMax !== null) {
    if (!person.birthDate) problems.push({ path: 'residentId', message: 'errors.programmes.noBirthDate' })
    else {
      const age = ageOn(person.birthDate, today)
      if ((rule.ageMin !== null && age < rule.ageMin) || (rule.ageMax !== null && age > rule.ageMax))
        problems.push({
          path: 'residentId',
          message: 'errors.programmes.ageOutside',
          params: { age, min: rule.ageMin ?? 0, max: rule.ageMax ?? 150 },
        })
    }
  }
  const held = new Set(person.tagIds)
  const missing = rule.requiredTags.filter((t) => !held.has(t.id))
  if (missing.length > 0)
    problems.push({
      path: 'residentId',
      message: 'errors.programmes.tagsMissing',
      params: { tags: missing.map((t) => t.name).join('、') },
    })
  return problems
}
