import type base from '../zh-CN/options'

export default {
  gender: { M: '男', F: '女' },
  political: {
    partyMember: '中共黨員',
    probationary: '中共預備黨員',
    league: '共青團員',
    democratic: '民主黨派',
    nonParty: '無黨派人士',
    masses: '群眾',
  },
  relation: {
    head: '戶主',
    spouse: '配偶',
    son: '子',
    daughter: '女',
    parent: '父母',
    grandparent: '祖父母',
    grandchild: '孫子女',
    sibling: '兄弟姊妹',
    childInLaw: '兒媳/女婿',
    other: '其他',
  },
  // prettier-ignore
  ethnic: {
    HA: '漢族', MG: '蒙古族', HU: '回族', ZA: '藏族', UG: '維吾爾族', MH: '苗族', YI: '彝族', ZH: '壯族',
    BY: '布依族', CS: '朝鮮族', MA: '滿族', DO: '侗族', YA: '瑤族', BA: '白族', TJ: '土家族', HN: '哈尼族',
    KZ: '哈薩克族', DA: '傣族', LI: '黎族', LS: '傈僳族', VA: '佤族', SH: '畲族', GS: '高山族', LH: '拉祜族',
    SU: '水族', DX: '東鄉族', NX: '納西族', JP: '景頗族', KG: '柯爾克孜族', TU: '土族', DU: '達斡爾族',
    ML: '仫佬族', QI: '羌族', BL: '布朗族', SL: '撒拉族', MN: '毛南族', GL: '仡佬族', XB: '錫伯族',
    AC: '阿昌族', PM: '普米族', TA: '塔吉克族', NU: '怒族', UZ: '烏孜別克族', RS: '俄羅斯族', EW: '鄂溫克族',
    DE: '德昂族', BN: '保安族', YG: '裕固族', GI: '京族', TT: '塔塔爾族', DR: '獨龍族', OR: '鄂倫春族',
    HZ: '赫哲族', MB: '門巴族', LB: '珞巴族', JN: '基諾族',
  },
  entity: {
    place: '地址',
    household: '戶',
    resident: '居民檔案',
    tag: '標籤',
    account: '帳號',
  },
  locale: {
    'zh-CN': '简体中文',
    'zh-TW': '繁體中文',
    en: 'English',
  },
} satisfies typeof base
