import type base from '../zh-CN/errors-programmes'

export default {
  programmeNotFound: '找不到該服務項目，可能已被他人修改',
  sessionNotFound: '找不到該場次，可能已被他人修改',
  enrolmentNotFound: '找不到該報名紀錄，可能已被他人修改',
  unknownTag: '所選標籤不存在或已刪除',
  archived: '該項目已歸檔，不能再報名或加場',
  sessionExists: '{date} 同一時間已有場次',
  sessionCancelled: '該場次已取消',
  sessionHasAttendance: '該場次已有 {count} 人簽到，不能取消',
  alreadyEnrolled: '{name} 已在本項目中（或在候補名單上）',
  notEligible: '不符合報名條件。如確需報名，請填寫特批理由。',
  noBirthDate: '檔案中沒有出生日期，無法核對年齡',
  ageOutside: '年齡 {age} 歲，不在 {min}–{max} 歲範圍內',
  tagsMissing: '缺少要求的標籤：{tags}',
  alreadyLeft: '已經退出該項目',
  notEnrolled: '此人未在本項目中',
  notSignedIn: '還沒有簽到，不能簽退',
  alreadySignedOut: '已簽退（接送人：{by}）',
  pickUpRequired: '請填寫接孩子的人',
  noPickUpListed: '該孩子沒有登記接送人，不能交給 {name}。請先在報名資訊中登記接送人。',
  pickUpRefused: '{name} 不是登記的接送人，不能接走孩子。可接送：{allowed}',
} satisfies typeof base
