/**
 * Choices the station records as Chinese words (the database keeps `汉族`, `中共党员`, `户主`, so a
 * file reads the same whatever the counter's language). Each choice has a stable code for its
 * translated label in `options.*`.
 */

export interface Choice {
  code: string
  /** What is stored. */
  value: string
}

/** The 56 ethnic groups in the order of GB 3304; Han first, as it is the default. */
// prettier-ignore
export const ETHNIC_GROUPS: readonly Choice[] = [
  ['HA', '汉族'], ['MG', '蒙古族'], ['HU', '回族'], ['ZA', '藏族'], ['UG', '维吾尔族'], ['MH', '苗族'],
  ['YI', '彝族'], ['ZH', '壮族'], ['BY', '布依族'], ['CS', '朝鲜族'], ['MA', '满族'], ['DO', '侗族'],
  ['YA', '瑶族'], ['BA', '白族'], ['TJ', '土家族'], ['HN', '哈尼族'], ['KZ', '哈萨克族'], ['DA', '傣族'],
  ['LI', '黎族'], ['LS', '傈僳族'], ['VA', '佤族'], ['SH', '畲族'], ['GS', '高山族'], ['LH', '拉祜族'],
  ['SU', '水族'], ['DX', '东乡族'], ['NX', '纳西族'], ['JP', '景颇族'], ['KG', '柯尔克孜族'], ['TU', '土族'],
  ['DU', '达斡尔族'], ['ML', '仫佬族'], ['QI', '羌族'], ['BL', '布朗族'], ['SL', '撒拉族'], ['MN', '毛南族'],
  ['GL', '仡佬族'], ['XB', '锡伯族'], ['AC', '阿昌族'], ['PM', '普米族'], ['TA', '塔吉克族'], ['NU', '怒族'],
  ['UZ', '乌孜别克族'], ['RS', '俄罗斯族'], ['EW', '鄂温克族'], ['DE', '德昂族'], ['BN', '保安族'], ['YG', '裕固族'],
  ['GI', '京族'], ['TT', '塔塔尔族'], ['DR', '独龙族'], ['OR', '鄂伦春族'], ['HZ', '赫哲族'], ['MB', '门巴族'],
  ['LB', '珞巴族'], ['JN', '基诺族'],
].map(([code, value]) => ({ code, value }) as Choice)

export const DEFAULT_ETHNICITY = '汉族'

export const POLITICAL_STATUSES: readonly Choice[] = [
  { code: 'partyMember', value: '中共党员' },
  { code: 'probationary', value: '中共预备党员' },
  { code: 'league', value: '共青团员' },
  { code: 'democratic', value: '民主党派' },
  { code: 'nonParty', value: '无党派人士' },
  { code: 'masses', value: '群众' },
]

/** `户主` must stay as written: the main process makes a resident with it the household's head. */
export const RELATIONS: readonly Choice[] = [
  { code: 'head', value: '户主' },
  { code: 'spouse', value: '配偶' },
  { code: 'son', value: '子' },
  { code: 'daughter', value: '女' },
  { code: 'parent', value: '父母' },
  { code: 'grandparent', value: '祖父母' },
  { code: 'grandchild', value: '孙子女' },
  { code: 'sibling', value: '兄弟姐妹' },
  { code: 'childInLaw', value: '儿媳/女婿' },
  { code: 'other', value: '其他' },
]

export const GENDERS = ['M', 'F'] as const
