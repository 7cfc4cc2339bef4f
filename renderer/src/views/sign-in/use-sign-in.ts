import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { schemas } from '@contract/schemas'
import { adminSchemas } from '@contract/admin-schemas'
import { api } from '@/api'
import { useAuthStore } from '@/stores/auth'
import { describeError, payloadOf, translateProblem, type FieldProblems } from '@/api/errors'
import { zodProblems } from '@/forms/zod-problems'

/** Main's answer to a right temporary password: no session until a new password is set. */
export const MUST_CHANGE = 'errors.admin.accounts.mustChangePassword'

export function useSignIn() {
  const auth = useAuthStore()
  const router = useRouter()
  const form = reactive({ username: '', password: '', newPassword: '', confirm: '' })
  const problems = ref<FieldProblems>({})
  /** The refusal (wrong password, locked account) as a sentence: it belongs to the form, not a toast. */
  const error = ref<string | null>(null)
  const busy = ref(false)
  /**
   * Set when the password typed was a temporary one: the screen asks for a new one. The temporary
   * password stays in this form only, to be sent once more with the new one.
   */
  const mustChange = ref(false)

  async function signIn() {
    const parsed = schemas.login.safeParse(form)
    problems.value = parsed.success ? {} : zodProblems(parsed.error)
    if (!parsed.success) return
    busy.value = true
    try {
      await auth.login(parsed.data)
      form.password = ''
      await router.replace({ path: '/' })
    } catch (e) {
      if (payloadOf(e).message === MUST_CHANGE) {
        mustChange.value = true
        return
      }
      const described = describeError(e, ['username', 'password'])
      problems.value = described.fields
      error.value = described.toast
      form.password = ''
    } finally {
      busy.value = false
    }
  }

  async function replace() {
    const input = { username: form.username, oldPassword: form.password, newPassword: form.newPassword }
    const parsed = adminSchemas.passwordReplace.safeParse(input)
    const next = parsed.success ? {} : zodProblems(parsed.error)
    if (!next.newPassword && form.confirm !== form.newPassword)
      next.confirm = { message: 'validation.admin.password.mismatch' }
    problems.value = next
    if (Object.keys(next).length) return
    busy.value = true
    try {
      await api.accounts.replacePassword(input)
      await auth.load()
      Object.assign(form, { password: '', newPassword: '', confirm: '' })
      mustChange.value = false
      await router.replace({ path: '/' })
    } catch (e) {
      const described = describeError(e, ['newPassword'])
      problems.value = described.fields
      error.value = described.toast
    } finally {
      busy.value = false
    }
  }

  async function submit() {
    if (busy.value) return
    error.value = null
    await (mustChange.value ? replace() : signIn())
  }

  function back() {
    Object.assign(form, { password: '', newPassword: '', confirm: '' })
    problems.value = {}
    error.value = null
    mustChange.value = false
  }

  const fieldError = (path: string) => {
    const p = problems.value[path]
    return p ? translateProblem(p) : ''
  }

  return { form, error, busy, submit, fieldError, mustChange, back }
}
