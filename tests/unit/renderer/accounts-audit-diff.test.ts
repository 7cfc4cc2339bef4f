import { describe, expect, it } from 'vitest'
import { auditDiff, auditSummary } from '../../../renderer/src/views/audit/audit-diff'
import { gridOptions } from '../../../renderer/src/views/accounts/grid-options'
import type { PlaceNodeDto } from '../../../electron/contract/dto'

describe('audit diff', () => {
  it('lines up before and after by field and marks only what changed', () => {
    const rows = auditDiff(
      { name: '王大妈', mobile: '139****5678', tagIds: [1], notes: null },
      { name: '王大妈', mobile: '138****0000', tagIds: [1, 2], archived: true },
    )
    expect(rows).toEqual([
      { field: 'name', before: '王大妈', after: '王大妈', changed: false },
      { field: 'mobile', before: '139****5678', after: '138****0000', changed: true },
      { field: 'tagIds', before: '[1]', after: '[1,2]', changed: true },
      { field: 'notes', before: '', after: '', changed: false },
      { field: 'archived', before: '', after: 'true', changed: true },
    ])
  })

  it('a creation has only an after side, and nothing is "changed"', () => {
    const rows = auditDiff(null, { name: '李', role: 'staff' })
    expect(rows.map((r) => r.changed)).toEqual([false, false])
    expect(auditSummary(null, { name: '李' }, (f) => f)).toBe('李')
    expect(auditDiff(null, null)).toEqual([])
    expect(auditDiff(null, 'x')).toEqual([{ field: '', before: '', after: 'x', changed: false }])
  })

  it('summarises an update by its changed fields', () => {
    expect(auditSummary({ a: 1, b: 2 }, { a: 1, b: 3 }, (f) => `<${f}>`)).toBe('<b>')
  })
})

describe('grid options for the scope picker', () => {
  const node = (
    id: number,
    kind: PlaceNodeDto['kind'],
    name: string,
    children: PlaceNodeDto[] = [],
    archived = false,
  ) => ({ id, parentId: null, kind, name, sort: 0, archived, children }) as PlaceNodeDto

  it('lists the grids, not archived ones, with the community only when there are several', () => {
    const one = [node(1, 'community', '幸福社区', [node(2, 'grid', '一网格'), node(3, 'grid', '旧网格', [], true)])]
    expect(gridOptions(one)).toEqual([{ id: 2, label: '一网格' }])
    const two = [...one, node(4, 'community', '和平社区', [node(5, 'grid', '一网格')])]
    expect(gridOptions(two).map((g) => g.label)).toEqual(['幸福社区 一网格', '和平社区 一网格'])
  })
})
