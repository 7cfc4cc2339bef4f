import type base from '../zh-CN/validation'
import importsValidation from './validation-imports'
import adminValidation from './validation-admin'
import exportsValidation from './validation-exports'
import programmesValidation from './validation-programmes'
import visitsValidation from './validation-visits'
import ratingsValidation from './validation-ratings'
import appointmentsValidation from './validation-appointments'

export default {
  imports: importsValidation,
  admin: adminValidation,
  exports: exportsValidation,
  programmes: programmesValidation,
  visits: visitsValidation,
  ratings: ratingsValidation,
  appointments: appointmentsValidation,
  required: '此項為必填',
  tooLong: '內容過長',
  controlChars: '不能包含控制字元（可能是從別處貼上帶來的），請刪除後重試',
  copies: '份數應為 1 到 99 之間的整數',
  dateTime: '時間格式不正確，應為 2026-11-24 14:30 這樣的日期和時間',
  attachmentType: '只能新增照片（JPG、PNG）或 PDF 掃描檔',
  attachmentSize: '檔案太大：每個附件不超過 10 MB',
  invalid: '格式不正確',
  date: '日期格式不正確',
  idleRange: '請填寫 1 到 240 之間的整數',
  username: '使用者名稱至少 2 位，只能包含字母、數字、漢字、底線、點或連字號',
  usernameTaken: '此使用者名稱已被使用',
  password: {
    short: '密碼至少 8 位',
    mismatch: '兩次輸入的密碼不一致',
  },
  id: {
    format: '身分證號應為 18 位數字，最後一位可以是 X',
    checksum: '身分證號檢查碼不正確，請逐位核對',
    birthDate: '身分證號中的出生日期不存在',
    futureBirthDate: '出生日期不能晚於今天',
    legacy15: '15 位舊身分證號請換成 18 位新號碼',
    duplicate: '此身分證號已登記：{name}（檔案 {id}）',
    duplicatePlain: '此身分證號已登記',
    duplicateArchived: '此身分證號已登記在已歸檔的檔案中：{name}（檔案 {id}），可恢復該檔案',
    duplicateArchivedPlain: '此身分證號已登記在已歸檔的檔案中',
  },
  mobile: {
    format: '手機號碼應為 11 位，以 1 開頭',
  },
  landline: {
    format: '市內電話格式不正確，例如 0816-2345678',
  },
  household: {
    headExists: '該戶已有戶主：{name}。如需更換，請在該戶中點「設為戶主」',
    notMember: '此人不是該戶的成員',
    unknown: '所選的戶不存在或已歸檔',
  },
  place: {
    cycle: '不能移到自己的下級之下',
    duplicateName: '同一上級下已有同名地址',
    levelOrder: '下級地址的類型必須比上級更細',
    parentArchived: '上級地址已歸檔',
    rootMustBeCommunity: '最上級只能是社區',
    unknown: '所選地址不存在或已歸檔',
  },
  tag: {
    duplicate: '已有同名標籤',
    unknown: '所選標籤不存在或已停用',
  },
} satisfies typeof base
