import importsValidation from './validation-imports'
import adminValidation from './validation-admin'
import exportsValidation from './validation-exports'
import programmesValidation from './validation-programmes'
import visitsValidation from './validation-visits'
import ratingsValidation from './validation-ratings'
import appointmentsValidation from './validation-appointments'
/** Messages for the `validation.*` keys of the zod schemas and services. */
export default {
  imports: importsValidation,
  admin: adminValidation,
  exports: exportsValidation,
  programmes: programmesValidation,
  visits: visitsValidation,
  ratings: ratingsValidation,
  appointments: appointmentsValidation,
  required: '此项为必填',
  tooLong: '内容过长',
  controlChars: '不能包含控制字符（可能是从别处粘贴带来的），请删除后重试',
  copies: '份数应为 1 到 99 之间的整数',
  dateTime: '时间格式不正确，应为 2026-11-24 14:30 这样的日期和时间',
  attachmentType: '只能添加照片（JPG、PNG）或 PDF 扫描件',
  attachmentSize: '文件太大：每个附件不超过 10 MB',
  invalid: '格式不正确',
  date: '日期格式不正确',
  idleRange: '请填写 1 到 240 之间的整数',
  username: '用户名至少 2 位，只能包含字母、数字、汉字、下划线、点或连字符',
  usernameTaken: '该用户名已被使用',
  password: {
    short: '密码至少 8 位',
    mismatch: '两次输入的密码不一致',
  },
  id: {
    format: '身份证号应为 18 位数字，最后一位可以是 X',
    checksum: '身份证号校验位不正确，请逐位核对',
    birthDate: '身份证号中的出生日期不存在',
    futureBirthDate: '出生日期不能晚于今天',
    legacy15: '15 位旧身份证号请换成 18 位新号码',
    duplicate: '该身份证号已登记：{name}（档案 {id}）',
    duplicatePlain: '该身份证号已登记',
    duplicateArchived: '该身份证号已登记在已归档的档案中：{name}（档案 {id}），可恢复该档案',
    duplicateArchivedPlain: '该身份证号已登记在已归档的档案中',
  },
  mobile: {
    format: '手机号应为 11 位，以 1 开头',
  },
  landline: {
    format: '固定电话格式不正确，例如 0816-2345678',
  },
  household: {
    headExists: '该户已有户主：{name}。如需更换，请在该户中点“设为户主”',
    notMember: '此人不是该户的成员',
    unknown: '所选的户不存在或已归档',
  },
  place: {
    cycle: '不能移到自己的下级之下',
    duplicateName: '同一上级下已有同名地址',
    levelOrder: '下级地址的类型必须比上级更细',
    parentArchived: '上级地址已归档',
    rootMustBeCommunity: '最上级只能是社区',
    unknown: '所选地址不存在或已归档',
  },
  tag: {
    duplicate: '已有同名标签',
    unknown: '所选标签不存在或已停用',
  },
}
