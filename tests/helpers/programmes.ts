/** Programme fixtures: a 五点半学校 term and a few children, built through the services. */
import type { z } from 'zod'
import { programmeSchemas, type EnrolInput, type ProgrammeSave } from '../../electron/contract/programme-schemas'
import { schemas } from '../../electron/contract/schemas'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

type ProgrammeDataInput = z.input<typeof programmeSchemas.programmeSave>['data']

/** A weekday 五点半学校 term as the form sends it, parsed by the router's schema. */
export function programmeInput(over: Partial<ProgrammeDataInput> = {}, id?: number): ProgrammeSave {
  return programmeSchemas.programmeSave.parse({
    id,
    data: {
      name: '春季五点半学校',
      type: 'after-school',
      organiserKind: 'station',
      organiser: '幸福社区党群服务中心',
      place: '二楼活动室',
      capacity: 3,
      ageMin: 6,
      ageMax: 12,
      feeMode: 'free',
      weekdays: [1, 2, 3, 4, 5],
      startTime: '16:30',
      endTime: '18:30',
      termStart: '2026-02-09',
      termEnd: '2026-03-06',
      ...over,
    },
  })
}

export function enrolInput(raw: z.input<typeof programmeSchemas.enrol>): EnrolInput {
  return programmeSchemas.enrol.parse(raw)
}

export const GUARDIANS = [
  { name: '王建国', relation: '父亲', phone: '13812340001', guardian: true, canPickUp: true },
  { name: '李秀英', relation: '奶奶', phone: '13812340002', guardian: false, canPickUp: true },
]

/** Children (and one elder) with birth dates that make their ages on 2026-03-02 easy to read. */
export async function seedPeople(s: ServiceContainer, call: CallContext) {
  const make = (name: string, birthDate: string, tagIds: number[] = []) =>
    s.residents.create(call, schemas.residentInput.parse({ name, birthDate, gender: 'M', tagIds }))
  const working = await s.tags.create(call, { name: '双职工家庭', sensitive: false })
  const children = {
    wangXiaoming: await make('王小明', '2018-05-01', [working.id]),
    liHua: await make('李华', '2017-09-10', [working.id]),
    zhangSan: await make('张三', '2019-01-20', [working.id]),
    zhaoLei: await make('赵磊', '2016-03-03', [working.id]),
    chenJing: await make('陈静', '2018-11-11'),
  }
  const elder = await make('刘奶奶', '1940-02-02')
  return { working, children, elder }
}
