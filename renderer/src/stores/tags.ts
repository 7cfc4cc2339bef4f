/** The special-group tag dictionary (低保, 特困, 残疾 …). */
import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { TagDto } from '@contract/dto'
import { api } from '@/api'

export const useTagsStore = defineStore('tags', () => {
  const tags = ref<TagDto[]>([])
  const loaded = ref(false)
  const active = computed(() => tags.value.filter((t) => !t.archived))

  async function load(): Promise<void> {
    tags.value = await api.tags.list()
    loaded.value = true
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load()
  }

  function clear(): void {
    tags.value = []
    loaded.value = false
  }

  return { tags, loaded, active, load, ensureLoaded, clear }
})
