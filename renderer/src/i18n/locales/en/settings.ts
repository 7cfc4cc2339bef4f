import type base from '../zh-CN/settings'

export default {
  title: 'Settings',
  station: 'Station',
  stationName: 'Station name',
  community: 'Community',
  address: 'Address',
  phone: 'Phone',
  language: 'Language',
  languageHint: 'Takes effect at once',
  idleLockMinutes: 'Lock after idle (minutes)',
  readOnly: 'Your account may not change settings; they are shown for reference.',
  printBodyFont: 'Print body font',
  printBodyFonts: {
    shipped: 'Song (serif) shipped with the app',
    fangsong: "This PC's FangSong (the shipped Song where it has none)",
  },
  printBodyFontHint: 'For the body of formal documents; the shipped font prints the same on every PC.',
  about: 'About',
  version: 'Version',
  dataDir: 'Data folder',
  databaseFile: 'Database file',
  schemaVersion: 'Schema version',
} satisfies typeof base
