/** The grids an account's scope can name. */
import type { PlaceNodeDto } from '@contract/dto'

export interface GridOption {
  id: number
  label: string
}

/** Grids (places of the grid level, not archived), labelled with their community when there are several. */
export function gridOptions(tree: readonly PlaceNodeDto[]): GridOption[] {
  const out: GridOption[] = []
  const several = tree.length > 1
  const walk = (nodes: readonly PlaceNodeDto[], community: string | null) => {
    for (const n of nodes) {
      if (n.archived) continue
      if (n.kind === 'grid') out.push({ id: n.id, label: several && community ? `${community} ${n.name}` : n.name })
      else walk(n.children, n.kind === 'community' ? n.name : community)
    }
  }
  walk(tree, null)
  return out
}
