import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { schemas } from '@contract/schemas'
import { useAuthStore } from '@/stores/auth'
import { payloadOf, translateProblem, type FieldProblems } from '@/api/errors'
import { showError } from '@/ui/show-error'
import { zodProblems } from '@/forms/zod-problems'

export const SETUP_FIELDS = ['username', 'displayName', 'password', 'confirm'] as const

export function useSetup() {
  const auth = useAuthStore()
  const router = useRouter()
  const form = reactive({ username: '', displayName: '', password: '', confirm: '' })
  const problems = ref<FieldProblems>({})
  const busy = ref(false)

  function validate(): boolean {
    const parsed = schemas.setup.safeParse(form)
    const next = parsed.success ? {} : zodProblems(parsed.error)
    if (!next.password && !next.confirm && form.confirm !== form.password)
      next.confirm = { message: 'validation.password.mismatch' }
    problems.value = next
    return Object.keys(next).length === 0
  }

  async function submit() {
    if (busy.value || !validate()) return
    busy.value = true
    try {
      await auth.setup({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
      })
      await router.replace({ path: '/' })
    } catch (e) {
      problems.value = showError(e, SETUP_FIELDS)
      // The administrator was created meanwhile (another window): the sign-in screen is next.
      if (payloadOf(e).message === 'errors.setupDone') {
        await auth.load().catch(() => undefined)
        await router.replace({ path: '/' })
      }
    } finally {
      busy.value = false
    }
  }

  const fieldError = (path: string) => {
    const p = problems.value[path]
    return p ? translateProblem(p) : ''
  }

  return { form, busy, submit, fieldError }
}
