/**
 * A small, realistic community arranged through the services (not the UI), for screens that need
 * data to look at: 幸福社区 with two grids, three compounds and a lane, 23 households and 60
 * residents with valid ID numbers, tags, a few without an ID and three archived files.
 */
import { idCheckChar } from '../../../electron/contract/rules/id-number'
import { schemas } from '../../../electron/contract/schemas'
import type { PlaceKind } from '../../../electron/contract/dto'
import type { ServiceContainer } from '../../../electron/services/container'
import type { CallContext } from '../../../electron/services/context'
import { ADMIN } from './flows'

const CTX: CallContext = { actor: null, channel: 'test' }

/** The administrator of flows.ts, created directly so a test can start at the sign-in screen. */
export async function seedAdministrator(services: ServiceContainer): Promise<void> {
  await services.auth.setup(CTX, 'e2e-seed', {
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    password: ADMIN.password,
  })
  await services.auth.logout(CTX, 'e2e-seed')
}

interface Person {
  name: string
  gender: 'M' | 'F'
  /** YYYYMMDD */
  born: string
  relation?: string
  political?: string
  tags?: string[]
  mobile?: string
  landline?: string
  /** No ID number on file (an old paper record, a small child): birth date only. */
  noId?: boolean
  region?: string
  hukou?: string
  notes?: string
  archived?: boolean
}

interface Family {
  /** Path of place names below the community, ending at the room. */
  room: string[]
  members: Person[]
}

const LOCAL_HUKOU = '四川省绵阳市涪城区城厢街道'

// prettier-ignore
const FAMILIES: Family[] = [
  { room: ['一网格', '幸福小区', '1栋', '1单元', '101'], members: [
    { name: '张三', gender: 'M', born: '19620315', relation: '户主', political: '中共党员', tags: ['退役军人'], mobile: '13812345678', hukou: `${LOCAL_HUKOU}幸福路18号` },
    { name: '李秀英', gender: 'F', born: '19640822', relation: '配偶', political: '群众', mobile: '13990112233' },
    { name: '张伟', gender: 'M', born: '19880610', relation: '子', political: '群众', mobile: '18681234567' },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '1单元', '102'], members: [
    { name: '王建国', gender: 'M', born: '19450101', relation: '户主', political: '中共党员', tags: ['空巢'], landline: '0816-2251234' },
    { name: '刘桂兰', gender: 'F', born: '19470312', relation: '配偶', political: '群众', tags: ['空巢', '残疾'], notes: '行动不便，上门服务请提前电话联系。' },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '1单元', '201'], members: [
    { name: '陈静', gender: 'F', born: '19850919', relation: '户主', political: '中共党员', mobile: '15828765432' },
    { name: '周明', gender: 'M', born: '19830505', relation: '配偶', political: '群众', mobile: '13547891234' },
    { name: '周子涵', gender: 'F', born: '20150808', relation: '女' },
    { name: '周子轩', gender: 'M', born: '20180220', relation: '子', noId: true },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '1单元', '202'], members: [
    { name: '赵丽华', gender: 'F', born: '19400704', relation: '户主', political: '群众', tags: ['独居', '低保'], landline: '0816-2256789' },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '2单元', '301'], members: [
    { name: '孙志强', gender: 'M', born: '19750212', relation: '户主', political: '群众', tags: ['个体工商户'], mobile: '13700813456', notes: '经营幸福路便民超市。' },
    { name: '吴芳', gender: 'F', born: '19770630', relation: '配偶', political: '群众', mobile: '13700815678' },
    { name: '孙浩然', gender: 'M', born: '20020415', relation: '子', political: '共青团员', mobile: '19981234567' },
    { name: '钱玉珍', gender: 'F', born: '19300921', relation: '父母', political: '群众', archived: true, notes: '2025年已故，档案归档。' },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '2单元', '302'], members: [
    { name: '马超', gender: 'M', born: '19900101', relation: '户主', political: '中共党员', tags: ['流入党员'], mobile: '17708167788', region: '511302', hukou: '四川省南充市顺庆区中城街道' },
    { name: '杨雪', gender: 'F', born: '19921111', relation: '配偶', political: '中共预备党员', mobile: '17708169900', region: '511302' },
  ] },
  { room: ['一网格', '幸福小区', '1栋', '2单元', '401'], members: [
    { name: '蒋文', gender: 'M', born: '19790101', relation: '户主', political: '群众', mobile: '13350812345' },
    { name: '蔡琳', gender: 'F', born: '19810202', relation: '配偶', political: '群众', mobile: '13350816789' },
    { name: '蒋欣怡', gender: 'F', born: '20080808', relation: '女', political: '共青团员' },
  ] },
  { room: ['一网格', '幸福小区', '2栋', '1单元', '501'], members: [
    { name: '黄永福', gender: 'M', born: '19530808', relation: '户主', political: '群众', tags: ['残疾', '低保'], mobile: '13158164321' },
    { name: '郑桂芬', gender: 'F', born: '19550303', relation: '配偶', political: '群众' },
  ] },
  { room: ['一网格', '幸福小区', '2栋', '1单元', '502'], members: [
    { name: '林晓东', gender: 'M', born: '19800717', relation: '户主', political: '民主党派', mobile: '18908165544' },
    { name: '何丽', gender: 'F', born: '19821024', relation: '配偶', political: '群众', mobile: '18908163322' },
    { name: '林一诺', gender: 'F', born: '20120606', relation: '女' },
  ] },
  { room: ['一网格', '幸福小区', '2栋', '1单元', '601'], members: [
    { name: '薛峰', gender: 'M', born: '19830303', relation: '户主', political: '群众', mobile: '15283661122' },
    { name: '叶倩', gender: 'F', born: '19850505', relation: '配偶', political: '群众', mobile: '15283663344' },
    { name: '薛一鸣', gender: 'M', born: '20190909', relation: '子' },
  ] },
  { room: ['一网格', '锦绣花园', '3栋', '1单元', '601'], members: [
    { name: '徐海', gender: 'M', born: '19700909', relation: '户主', political: '中共党员', tags: ['退役军人'], mobile: '13990887766' },
    { name: '高敏', gender: 'F', born: '19720202', relation: '配偶', political: '群众', mobile: '13990885544' },
    { name: '徐佳琪', gender: 'F', born: '19990319', relation: '女', political: '共青团员', mobile: '15700812233' },
  ] },
  { room: ['一网格', '锦绣花园', '3栋', '1单元', '602'], members: [
    { name: '罗建华', gender: 'M', born: '19660606', relation: '户主', political: '群众', tags: ['个体工商户'], mobile: '13881662211' },
    { name: '梁春梅', gender: 'F', born: '19680418', relation: '配偶', political: '群众' },
    { name: '罗磊', gender: 'M', born: '19920815', relation: '子', political: '中共党员', mobile: '18782109876' },
    { name: '宋丽娟', gender: 'F', born: '19931201', relation: '儿媳/女婿', political: '群众', mobile: '18782105432', region: '510722' },
    { name: '罗小雨', gender: 'F', born: '20200505', relation: '孙子女' },
  ] },
  { room: ['一网格', '锦绣花园', '3栋', '1单元', '701'], members: [
    { name: '田大勇', gender: 'M', born: '19650505', relation: '户主', political: '群众', tags: ['低保'], mobile: '13708160099' },
    { name: '田小燕', gender: 'F', born: '19950606', relation: '女', political: '群众', tags: ['残疾'] },
  ] },
  { room: ['二网格', '滨江苑', '5栋', '2单元', '101'], members: [
    { name: '谢国强', gender: 'M', born: '19380212', relation: '户主', political: '中共党员', tags: ['失独', '空巢'], landline: '0816-2238765' },
    { name: '韩秀珍', gender: 'F', born: '19411010', relation: '配偶', political: '群众', tags: ['失独', '空巢'] },
  ] },
  { room: ['二网格', '滨江苑', '5栋', '2单元', '201'], members: [
    { name: '唐伟', gender: 'M', born: '19860303', relation: '户主', political: '群众', mobile: '15108169988', region: '510722', hukou: '四川省绵阳市三台县潼川镇' },
    { name: '冯婷', gender: 'F', born: '19880808', relation: '配偶', political: '群众', mobile: '15108167766', region: '510722' },
    { name: '唐果', gender: 'F', born: '20160909', relation: '女', tags: ['务工人员子女'], region: '510722' },
  ] },
  { room: ['二网格', '滨江苑', '5栋', '2单元', '301'], members: [
    { name: '曹建军', gender: 'M', born: '19580505', relation: '户主', political: '中共党员', tags: ['退役军人'], mobile: '13696123456' },
    { name: '邓玉兰', gender: 'F', born: '19600606', relation: '配偶', political: '群众' },
    { name: '曹阳', gender: 'M', born: '19850707', relation: '子', political: '群众', mobile: '13696127890' },
  ] },
  { room: ['二网格', '滨江苑', '5栋', '2单元', '401'], members: [
    { name: '袁明', gender: 'M', born: '19771212', relation: '户主', political: '群众', mobile: '18181681234' },
    { name: '潘丽', gender: 'F', born: '19790101', relation: '配偶', political: '群众', mobile: '18181685678' },
    { name: '袁梓萱', gender: 'F', born: '20100303', relation: '女' },
    { name: '袁梓豪', gender: 'M', born: '20130303', relation: '子' },
  ] },
  { room: ['二网格', '滨江苑', '5栋', '2单元', '502'], members: [
    { name: '于海洋', gender: 'M', born: '19911111', relation: '户主', political: '中共党员', tags: ['退役军人'], mobile: '17381601122' },
    { name: '董佳', gender: 'F', born: '19930303', relation: '配偶', political: '群众', mobile: '17381603344' },
  ] },
  { room: ['二网格', '梧桐巷', '12号', '1单元', '1号'], members: [
    { name: '许文博', gender: 'M', born: '19950214', relation: '户主', political: '群众', mobile: '19130816677', archived: true, notes: '2026年3月迁出本社区。' },
  ] },
  { room: ['二网格', '梧桐巷', '12号', '1单元', '2号'], members: [
    { name: '彭桂芳', gender: 'F', born: '19350101', relation: '户主', political: '群众', tags: ['独居', '特困', '残疾'], noId: true, landline: '0816-2241100', notes: '纸质档案补录，身份证待核。' },
  ] },
  { room: ['二网格', '梧桐巷', '12号', '1单元', '3号'], members: [
    { name: '曾庆华', gender: 'M', born: '19720808', relation: '户主', political: '群众', tags: ['个体工商户'], mobile: '13219086655' },
    { name: '肖红', gender: 'F', born: '19740909', relation: '配偶', political: '群众', mobile: '13219084433' },
    { name: '曾小龙', gender: 'M', born: '20120101', relation: '子' },
  ] },
  { room: ['二网格', '梧桐巷', '12号', '1单元', '4号'], members: [
    { name: '魏长青', gender: 'M', born: '19480404', relation: '户主', political: '中共党员', tags: ['空巢'], landline: '0816-2249988' },
    { name: '苏凤英', gender: 'F', born: '19500505', relation: '配偶', political: '群众', tags: ['空巢'] },
  ] },
]

/** Residents registered without a household (just moved in, address not yet confirmed). */
// prettier-ignore
const WITHOUT_HOUSEHOLD: Person[] = [
  { name: '余秋菊', gender: 'F', born: '19560707', political: '群众', tags: ['空巢'], mobile: '13881609876' },
  { name: '杜鹏', gender: 'M', born: '19890909', political: '中共党员', tags: ['流入党员'], mobile: '18608162468', region: '500103', archived: true },
]

const KINDS: PlaceKind[] = ['grid', 'compound', 'building', 'unit', 'room']

export interface Community {
  /** Place ids by their path below the community, e.g. `一网格/幸福小区/1栋/1单元/101`. */
  places: Map<string, number>
  /** Resident ids by name (names are unique in this community). */
  residents: Map<string, number>
  /** Household ids by room path. */
  households: Map<string, number>
  total: number
  archived: number
}

export const COMMUNITY_NAME = '幸福社区'

let sequence = 0
/** A valid 18-digit ID: region + birth date + a sequence whose last digit carries the gender. */
export function idNumberFor(person: { gender: 'M' | 'F'; born: string; region?: string }): string {
  sequence = (sequence + 37) % 100
  const seq = `${String(sequence).padStart(2, '0')}${person.gender === 'M' ? 3 : 4}`
  const first17 = `${person.region ?? '510703'}${person.born}${seq}`
  return first17 + idCheckChar(first17)
}

export async function seedCommunity(services: ServiceContainer): Promise<Community> {
  const tags = new Map((await services.tags.list()).map((t) => [t.name, t.id]))
  const places = new Map<string, number>()
  const residents = new Map<string, number>()
  const households = new Map<string, number>()
  let archived = 0

  const root = await services.places.create(CTX, { parentId: null, kind: 'community', name: COMMUNITY_NAME })
  async function placeFor(path: string[]): Promise<number> {
    let parentId = root.id
    for (let depth = 0; depth < path.length; depth++) {
      const key = path.slice(0, depth + 1).join('/')
      let id = places.get(key)
      if (id === undefined) {
        id = (await services.places.create(CTX, { parentId, kind: KINDS[depth], name: path[depth] })).id
        places.set(key, id)
      }
      parentId = id
    }
    return parentId
  }

  async function register(person: Person, householdId: number | null) {
    const birthDate = `${person.born.slice(0, 4)}-${person.born.slice(4, 6)}-${person.born.slice(6)}`
    const input = schemas.residentInput.parse({
      name: person.name,
      gender: person.gender,
      idNumber: person.noId ? null : idNumberFor(person),
      birthDate: person.noId ? birthDate : null,
      ethnicity: '汉族',
      mobile: person.mobile ?? null,
      landline: person.landline ?? null,
      hukouAddress: person.hukou ?? (person.region ? null : `${LOCAL_HUKOU}${COMMUNITY_NAME}`),
      politicalStatus: person.political ?? null,
      householdId,
      relationToHead: householdId === null ? null : (person.relation ?? null),
      tagIds: (person.tags ?? []).map((name) => {
        const id = tags.get(name)
        if (id === undefined) throw new Error(`no tag ${name}`)
        return id
      }),
      notes: person.notes ?? null,
    })
    const dto = await services.residents.create(CTX, input)
    residents.set(person.name, dto.id)
    if (person.archived) {
      await services.residents.setArchived(CTX, dto.id, true)
      archived++
    }
  }

  for (const family of FAMILIES) {
    const room = await placeFor(family.room)
    const household = await services.households.create(CTX, room)
    households.set(family.room.join('/'), household.id)
    for (const person of family.members) await register(person, household.id)
  }
  for (const person of WITHOUT_HOUSEHOLD) await register(person, null)

  return { places, residents, households, total: residents.size, archived }
}
