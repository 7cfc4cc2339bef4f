import type base from '../zh-CN/settings'

export default {
  title: '系統設定',
  station: '服務中心資訊',
  stationName: '服務中心名稱',
  community: '所屬社區',
  address: '地址',
  phone: '聯絡電話',
  language: '介面語言',
  languageHint: '切換後立即生效',
  idleLockMinutes: '無操作自動鎖定（分鐘）',
  readOnly: '您的帳號沒有修改設定的權限，以下內容僅供檢視。',
  printBodyFont: '列印內文字型',
  printBodyFonts: {
    shipped: '隨軟體安裝的宋體',
    fangsong: '本機仿宋（沒有時用隨軟體安裝的宋體）',
  },
  printBodyFontHint: '用於正式公文的內文；隨軟體安裝的字型在各電腦上列印一致',
  about: '關於',
  version: '版本',
  dataDir: '資料夾',
  databaseFile: '資料庫檔案',
  schemaVersion: '資料結構版本',
} satisfies typeof base
