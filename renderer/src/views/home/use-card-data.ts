/**
 * One card's data with its own loading and error state: each card asks main on its own, so a slow
 * or failing card never holds up or blanks the others.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { describeError } from '@/api/errors'

export interface CardData<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  /** The error in words ('' when main gave none), for the card to show with a retry button. */
  error: Ref<string | null>
  load: () => Promise<void>
}

export function useCardData<T>(fetch: () => Promise<T>): CardData<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let generation = 0

  async function load() {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const result = await fetch()
      if (mine === generation) data.value = result
    } catch (e) {
      if (mine === generation) error.value = describeError(e).toast ?? ''
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { data, loading, error, load }
}
