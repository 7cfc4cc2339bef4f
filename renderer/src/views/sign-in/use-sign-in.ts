import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { schemas } from '@contract/schemas'
import { useAuthStore } from '@/stores/auth'
import { describeError, translateProblem, type FieldProblems } from '@/api/errors'
import { zodProblems } from '@/forms/zod-problems'

export function useSignIn() {
  const auth = useAuthStore()
  const router = useRouter()
  const form = reactive({ username: '', password: '' })
  const problems = ref<FieldProblems>({})
  /** The refusal (wrong password, locked account) as a sentence: it belongs to the form, not a toast. */
  const error = ref<string | null>(null)
  const busy = ref(false)

  async function submit() {
    if (busy.value) return
    error.value = null
    const parsed = schemas.login.safeParse(form)
    problems.value = parsed.success ? {} : zodProblems(parsed.error)
    if (!parsed.success) return
    busy.value = true
    try {
      await auth.login(parsed.data)
      form.password = ''
      await router.replace({ path: '/' })
    } catch (e) {
      const described = describeError(e, ['username', 'password'])
      problems.value = described.fields
      error.value = described.toast
      form.password = ''
    } finally {
      busy.value = false
    }
  }

  const fieldError = (path: string) => {
    const p = problems.value[path]
    return p ? translateProblem(p) : ''
  }

  return { form, error, busy, submit, fieldError }
}
