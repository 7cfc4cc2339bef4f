/** The place tree (社区 → 网格 → 小区/街巷 → 楼栋 → 单元 → 户/室), shared by filters, forms and the editor. */
import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { PlaceDto, PlaceKind, PlaceNodeDto } from '@contract/dto'
import { api } from '@/api'

function withoutArchived(nodes: PlaceNodeDto[]): PlaceNodeDto[] {
  return nodes.filter((n) => !n.archived).map((n) => ({ ...n, children: withoutArchived(n.children) }))
}

export const usePlacesStore = defineStore('places', () => {
  const tree = ref<PlaceNodeDto[]>([])
  const loaded = ref(false)

  const activeTree = computed(() => withoutArchived(tree.value))
  const byId = computed(() => {
    const map = new Map<number, PlaceNodeDto>()
    const walk = (nodes: PlaceNodeDto[]) => nodes.forEach((n) => (map.set(n.id, n), walk(n.children)))
    walk(tree.value)
    return map
  })

  async function load(): Promise<void> {
    tree.value = await api.places.tree()
    loaded.value = true
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load()
  }

  async function create(input: { parentId: number | null; kind: PlaceKind; name: string }): Promise<PlaceDto> {
    const place = await api.places.create(input)
    await load()
    return place
  }

  async function rename(id: number, name: string): Promise<PlaceDto> {
    const place = await api.places.update({ id, name })
    await load()
    return place
  }

  async function archive(id: number): Promise<PlaceDto> {
    const place = await api.places.archive({ id })
    await load()
    return place
  }

  function clear(): void {
    tree.value = []
    loaded.value = false
  }

  return { tree, loaded, activeTree, byId, load, ensureLoaded, create, rename, archive, clear }
})
