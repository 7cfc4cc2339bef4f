import type base from '../zh-CN/layout'

export default {
  menuGroups: { people: 'Residents & services', party: 'Party & notices', system: 'System' },
  menu: {
    party: 'Branches & members',
    meetings: 'Party meetings',
    compliance: 'Meeting compliance',
    notices: 'Notices',
    printLog: 'Print log',
    residents: 'Resident files',
    places: 'Grids & addresses',
    settings: 'Settings',
  },
  skipToContent: 'Skip to main content',
  menuLabel: 'Main menu',
} satisfies typeof base
