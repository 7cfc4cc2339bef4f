/** The places screen: the tree, the selected place, and the households kept at it. */
import { computed, onMounted, ref, watch } from 'vue'
import { PLACE_KINDS, type HouseholdDto, type PlaceKind, type PlaceNodeDto } from '@contract/dto'
import { api } from '@/api'
import { describeError } from '@/api/errors'
import { showError } from '@/ui/show-error'
import { i18n } from '@/i18n'
import { usePlacesStore } from '@/stores/places'
import { confirmAction, toastSuccess } from '@/ui/feedback'

/** Kinds a child of `parent` may have: strictly finer (levels may be skipped). */
export function childKinds(parent: PlaceKind | null): PlaceKind[] {
  if (parent === null) return ['community']
  return PLACE_KINDS.slice(PLACE_KINDS.indexOf(parent) + 1)
}

export function usePlaces() {
  const store = usePlacesStore()
  const selectedId = ref<number | null>(null)
  const showArchived = ref(false)
  const households = ref<HouseholdDto[]>([])
  const loadingHouseholds = ref(false)
  /** Why the last archive was refused, shown beside the place rather than in a passing toast. */
  const archiveError = ref<string | null>(null)

  const tree = computed<PlaceNodeDto[]>(() => (showArchived.value ? store.tree : store.activeTree))
  const selected = computed(() => (selectedId.value === null ? null : (store.byId.get(selectedId.value) ?? null)))

  async function loadHouseholds() {
    const id = selectedId.value
    households.value = []
    if (id === null) return
    loadingHouseholds.value = true
    try {
      const list = await api.households.list({ placeId: id })
      if (selectedId.value === id) households.value = list
    } catch (e) {
      showError(e)
    } finally {
      loadingHouseholds.value = false
    }
  }

  watch(selectedId, () => {
    archiveError.value = null
    void loadHouseholds()
  })

  async function archive() {
    const place = selected.value
    if (!place) return
    const { t } = i18n.global
    if (!(await confirmAction(t('places.archiveConfirm', { name: place.name }), { danger: true }))) return
    archiveError.value = null
    try {
      await store.archive(place.id)
      toastSuccess(t('places.archivedDone'))
      if (!showArchived.value) selectedId.value = place.parentId
    } catch (e) {
      const described = describeError(e)
      if (described.code === 'CONFLICT') archiveError.value = described.toast
      else showError(e)
    }
  }

  async function createHousehold() {
    if (selectedId.value === null) return
    try {
      const h = await api.households.create({ placeId: selectedId.value })
      households.value = [...households.value, h]
      toastSuccess(i18n.global.t('places.households.created'))
    } catch (e) {
      showError(e)
    }
  }

  async function setHead(householdId: number, residentId: number) {
    try {
      const h = await api.households.setHead({ householdId, residentId })
      households.value = households.value.map((x) => (x.id === h.id ? h : x))
      toastSuccess(i18n.global.t('places.households.headSet'))
    } catch (e) {
      showError(e)
    }
  }

  onMounted(() => {
    store.load().catch((e: unknown) => showError(e))
  })

  return {
    store,
    tree,
    selectedId,
    selected,
    showArchived,
    households,
    loadingHouseholds,
    archiveError,
    loadHouseholds,
    archive,
    createHousehold,
    setHead,
  }
}
