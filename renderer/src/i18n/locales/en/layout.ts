import type base from '../zh-CN/layout'

export default {
  menu: {
    residents: 'Resident files',
    places: 'Grids & addresses',
    settings: 'Settings',
  },
  skipToContent: 'Skip to main content',
  menuLabel: 'Main menu',
} satisfies typeof base
