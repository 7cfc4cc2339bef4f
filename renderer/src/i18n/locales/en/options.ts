import type base from '../zh-CN/options'

export default {
  gender: { M: 'Male', F: 'Female' },
  political: {
    partyMember: 'CPC member',
    probationary: 'CPC probationary member',
    league: 'Communist Youth League member',
    democratic: 'Democratic party member',
    nonParty: 'Non-party personage',
    masses: 'Ordinary citizen',
  },
  relation: {
    head: 'Head',
    spouse: 'Spouse',
    son: 'Son',
    daughter: 'Daughter',
    parent: 'Parent',
    grandparent: 'Grandparent',
    grandchild: 'Grandchild',
    sibling: 'Sibling',
    childInLaw: 'Child-in-law',
    other: 'Other',
  },
  // prettier-ignore
  ethnic: {
    HA: 'Han', MG: 'Mongol', HU: 'Hui', ZA: 'Tibetan', UG: 'Uyghur', MH: 'Miao', YI: 'Yi', ZH: 'Zhuang',
    BY: 'Bouyei', CS: 'Korean', MA: 'Manchu', DO: 'Dong', YA: 'Yao', BA: 'Bai', TJ: 'Tujia', HN: 'Hani',
    KZ: 'Kazakh', DA: 'Dai', LI: 'Li', LS: 'Lisu', VA: 'Va', SH: 'She', GS: 'Gaoshan', LH: 'Lahu',
    SU: 'Sui', DX: 'Dongxiang', NX: 'Naxi', JP: 'Jingpo', KG: 'Kyrgyz', TU: 'Tu', DU: 'Daur',
    ML: 'Mulao', QI: 'Qiang', BL: 'Blang', SL: 'Salar', MN: 'Maonan', GL: 'Gelao', XB: 'Xibe',
    AC: 'Achang', PM: 'Pumi', TA: 'Tajik', NU: 'Nu', UZ: 'Uzbek', RS: 'Russian', EW: 'Evenki',
    DE: 'Deang', BN: 'Bonan', YG: 'Yugur', GI: 'Gin', TT: 'Tatar', DR: 'Derung', OR: 'Oroqen',
    HZ: 'Hezhen', MB: 'Monpa', LB: 'Lhoba', JN: 'Jino',
  },
  entity: {
    place: 'address',
    household: 'household',
    resident: 'resident file',
    tag: 'tag',
    account: 'account',
  },
  locale: {
    'zh-CN': '简体中文',
    'zh-TW': '繁體中文',
    en: 'English',
  },
} satisfies typeof base
