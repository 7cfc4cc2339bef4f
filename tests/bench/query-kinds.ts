/**
 * What the benchmark asks: for each kind of list request, a set of varied inputs drawn from
 * residents who are really in the file, so every search finds someone, as at the counter.
 */
import { namePinyin } from '../../database/search/resident-search'
import type { ListInput } from './raw-list'
import type { Rng } from './seed'
import { SURNAMES } from './seed-data'
import type { RawDb } from './sqlite-raw'

export type TargetKind = 'search' | 'filter'

export interface QueryKind {
  key: string
  /** What it is, in a few words, for the table. */
  label: string
  /** Which of issue 2 §7's targets applies (p95 ≤ 20 ms for a search, ≤ 15 ms for a filtered page). */
  target: TargetKind
  /** Named in the issue; the others are measured against the same targets as a courtesy. */
  required: boolean
  inputs: ListInput[]
}

export const TARGET_MS: Record<TargetKind, number> = { search: 20, filter: 15 }
export const MAX_RATIO = 2

interface Sample {
  name: string
  pinyin: string
  initials: string
  idNumber: string | null
  mobile: string | null
  compound: string | null
  building: string | null
  unit: string | null
  room: string | null
  gridId: number | null
  compoundId: number | null
}

const COMPOUND_SURNAMES = SURNAMES.map(([s]) => s).filter((s) => s.length > 1)
const surnameOf = (name: string) => COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name.slice(0, 1)

export async function buildQueryKinds(db: RawDb, rng: Rng, size: number, perKind: number): Promise<QueryKind[]> {
  const wanted = new Set<number>()
  while (wanted.size < Math.min(size, perKind * 6)) wanted.add(1 + Math.floor(rng() * size))
  const samples = await db.all<Sample>(
    `SELECT r.name, r.name_pinyin AS pinyin, r.name_initials AS initials, r.id_number AS idNumber, r.mobile,
            c.name AS compound, b.name AS building, u.name AS unit, rm.name AS room, c.parent_id AS gridId, c.id AS compoundId
       FROM residents r
       LEFT JOIN households h ON h.id = r.household_id
       LEFT JOIN places rm ON rm.id = h.place_id
       LEFT JOIN places u ON u.id = rm.parent_id
       LEFT JOIN places b ON b.id = u.parent_id
       LEFT JOIN places c ON c.id = b.parent_id
      WHERE r.archived_at IS NULL AND r.id IN (${[...wanted].join(',')})`,
  )
  // Shuffle, so the order in the file does not decide which samples each kind gets.
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[samples[i], samples[j]] = [samples[j], samples[i]]
  }
  const grids = (await db.all<{ id: number }>("SELECT id FROM places WHERE kind = 'grid' ORDER BY id")).map((g) => g.id)
  const tagIds = new Map(
    (await db.all<{ id: number; name: string }>('SELECT id, name FROM tags')).map((t) => [t.name, t.id]),
  )
  const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)]

  const from = (select: (s: Sample, i: number) => ListInput | null): ListInput[] => {
    const out: ListInput[] = []
    for (let i = 0; out.length < perKind && i < samples.length; i++) {
      const input = select(samples[i], i)
      if (input) out.push(input)
    }
    return out
  }
  const pinyinPrefix = (s: Sample) => {
    const surname = namePinyin(surnameOf(s.name)).full
    return s.pinyin.slice(0, Math.min(s.pinyin.length, surname.length + 1 + Math.floor(rng() * 3)))
  }
  const someSearch = (s: Sample, i: number) =>
    [s.name, surnameOf(s.name), s.initials.slice(0, 2), pinyinPrefix(s), s.initials][i % 5]
  type Ages = [number | undefined, number | undefined]
  const ages: Ages[] = [
    [60, undefined],
    [80, undefined],
    [18, 59],
    [undefined, 14],
    [60, 79],
    [30, 50],
  ]
  // Age ranges a worker would pair with each tag (nobody looks for 独居 among children).
  const tagAges: Array<[string, Ages[]]> = [
    [
      '空巢',
      [
        [60, undefined],
        [80, undefined],
        [60, 79],
      ],
    ],
    [
      '独居',
      [
        [60, undefined],
        [80, undefined],
        [70, undefined],
      ],
    ],
    [
      '低保',
      [
        [60, undefined],
        [18, 59],
        [undefined, 17],
      ],
    ],
    [
      '残疾',
      [
        [18, 59],
        [60, undefined],
        [undefined, 17],
      ],
    ],
    [
      '退役军人',
      [
        [60, undefined],
        [30, 59],
      ],
    ],
    [
      '个体工商户',
      [
        [30, 50],
        [18, 59],
      ],
    ],
  ]

  return [
    { key: 'name', label: '全名 full name', target: 'search', required: true, inputs: from((s) => ({ q: s.name })) },
    {
      key: 'surname',
      label: '姓 surname only',
      target: 'search',
      required: true,
      inputs: from((s) => ({ q: surnameOf(s.name) })),
    },
    {
      key: 'initials2',
      label: '首字母 zs',
      target: 'search',
      required: true,
      inputs: from((s) => ({ q: s.initials.slice(0, 2) })),
    },
    {
      key: 'initials3',
      label: '首字母 zsf',
      target: 'search',
      required: true,
      inputs: from((s) => (s.initials.length >= 3 ? { q: s.initials.slice(0, 3) } : null)),
    },
    {
      key: 'pinyin',
      label: '全拼前缀 zhangs',
      target: 'search',
      required: false,
      inputs: from((s) => ({ q: pinyinPrefix(s) })),
    },
    {
      key: 'id4',
      label: '身份证 后4位',
      target: 'search',
      required: true,
      inputs: from((s) => (s.idNumber ? { q: s.idNumber.slice(-4) } : null)),
    },
    {
      key: 'id6',
      label: '身份证 后6位',
      target: 'search',
      required: true,
      inputs: from((s) => (s.idNumber ? { q: s.idNumber.slice(-6) } : null)),
    },
    {
      key: 'phone4',
      label: '手机 尾号4位',
      target: 'search',
      required: false,
      inputs: from((s) => (s.mobile ? { q: s.mobile.slice(-4) } : null)),
    },
    {
      key: 'address',
      label: '地址 小区楼栋 / 栋单元室',
      target: 'search',
      required: false,
      inputs: from((s, i) =>
        s.compound ? { q: i % 2 ? `${s.compound}${s.building}` : `${s.building}${s.unit}${s.room}` } : null,
      ),
    },
    {
      key: 'filter',
      label: '筛选 网格+标签+年龄',
      target: 'filter',
      required: true,
      inputs: from(() => {
        const [tag, ranges] = pick(tagAges)
        const [ageMin, ageMax] = pick(ranges)
        return { placeId: pick(grids), tagIds: [tagIds.get(tag)!], ageMin, ageMax }
      }),
    },
    {
      key: 'filterSearch',
      label: '筛选+搜索',
      target: 'search',
      required: false,
      inputs: from((s, i) => {
        const [ageMin, ageMax] = i % 2 ? pick(ages) : [undefined, undefined]
        return s.gridId ? { placeId: s.gridId, q: someSearch(s, i), ageMin, ageMax } : null
      }),
    },
    {
      key: 'place',
      label: '筛选 网格/小区 only',
      target: 'filter',
      required: false,
      inputs: from((s, i) => (i % 2 ? { placeId: pick(grids) } : s.compoundId ? { placeId: s.compoundId } : null)),
    },
    {
      key: 'tag',
      label: '筛选 标签 only',
      target: 'filter',
      required: false,
      inputs: from(() => ({ tagIds: [tagIds.get(pick(tagAges)[0])!] })),
    },
    {
      key: 'age',
      label: '筛选 年龄 only',
      target: 'filter',
      required: false,
      inputs: from(() => {
        const [ageMin, ageMax] = pick(ages)
        return { ageMin, ageMax }
      }),
    },
    {
      key: 'political',
      label: '筛选 政治面貌 (+网格)',
      target: 'filter',
      required: false,
      inputs: from((s, i) =>
        i % 2 ? { politicalStatus: '中共党员' } : s.gridId ? { politicalStatus: '中共党员', placeId: s.gridId } : null,
      ),
    },
    { key: 'listAll', label: '列表首页 (无条件)', target: 'filter', required: false, inputs: [{}] },
  ]
}
