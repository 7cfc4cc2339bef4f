/** Models of notice templates, notices and the print log (migration 0002). */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'
import type { NoticeLayout, NoticeStatus, PaperSize, PrintDocumentType } from '../../electron/contract/dto'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T

export interface NoticeTemplateRow {
  id: number
  builtinKey: string | null
  name: string
  title: string
  bodyHtml: string
  layout: NoticeLayout
  paper: PaperSize
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface NoticeRow {
  id: number
  seriesId: number | null
  version: number
  templateId: number | null
  status: NoticeStatus
  title: string
  bodyHtml: string
  bodyText: string
  issuer: string
  issueDate: string
  layout: NoticeLayout
  paper: PaperSize
  showStamp: boolean
  issuedAt: Date | null
  issuedBy: number | null
  createdBy: number | null
  discardedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface PrintJobRow {
  id: number
  at: Date
  accountId: number | null
  documentType: PrintDocumentType
  documentId: number
  documentTitle: string
  records: string
  copies: number
  target: 'printer' | 'pdf'
  targetName: string
  pageCount: number
  sensitiveConfirmed: string
}

export type NoticeTemplateModel = Row<NoticeTemplateRow, 'id' | 'builtinKey' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type NoticeModel = Row<
  NoticeRow,
  | 'id'
  | 'seriesId'
  | 'version'
  | 'templateId'
  | 'issuedAt'
  | 'issuedBy'
  | 'createdBy'
  | 'discardedAt'
  | 'createdAt'
  | 'updatedAt'
>
export type PrintJobModel = Row<PrintJobRow, 'id'>

export interface NoticeModels {
  NoticeTemplate: ModelStatic<NoticeTemplateModel>
  Notice: ModelStatic<NoticeModel>
  PrintJob: ModelStatic<PrintJobModel>
}

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
const common = { underscored: true }

export function defineNoticeModels(sequelize: Sequelize): NoticeModels {
  const NoticeTemplate = sequelize.define<NoticeTemplateModel>(
    'NoticeTemplate',
    {
      id,
      builtinKey: { type: DataTypes.STRING(32), allowNull: true, unique: true },
      name: { type: DataTypes.STRING(40), allowNull: false },
      title: { type: DataTypes.STRING(120), allowNull: false },
      bodyHtml: { type: DataTypes.TEXT, allowNull: false },
      layout: { type: DataTypes.STRING(16), allowNull: false },
      paper: { type: DataTypes.STRING(4), allowNull: false, defaultValue: 'A4' },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'notice_templates' },
  )

  const Notice = sequelize.define<NoticeModel>(
    'Notice',
    {
      id,
      seriesId: { type: DataTypes.INTEGER, allowNull: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      templateId: { type: DataTypes.INTEGER, allowNull: true },
      status: { type: DataTypes.STRING(16), allowNull: false },
      title: { type: DataTypes.STRING(120), allowNull: false },
      bodyHtml: { type: DataTypes.TEXT, allowNull: false },
      bodyText: { type: DataTypes.TEXT, allowNull: false },
      issuer: { type: DataTypes.STRING(60), allowNull: false },
      issueDate: { type: DataTypes.STRING(10), allowNull: false },
      layout: { type: DataTypes.STRING(16), allowNull: false },
      paper: { type: DataTypes.STRING(4), allowNull: false, defaultValue: 'A4' },
      showStamp: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      issuedAt: { type: DataTypes.DATE, allowNull: true },
      issuedBy: { type: DataTypes.INTEGER, allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      discardedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'notices' },
  )

  const PrintJob = sequelize.define<PrintJobModel>(
    'PrintJob',
    {
      id,
      at: { type: DataTypes.DATE, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      documentType: { type: DataTypes.STRING(32), allowNull: false },
      documentId: { type: DataTypes.INTEGER, allowNull: false },
      documentTitle: { type: DataTypes.STRING(200), allowNull: false },
      records: { type: DataTypes.TEXT, allowNull: false },
      copies: { type: DataTypes.INTEGER, allowNull: false },
      target: { type: DataTypes.STRING(8), allowNull: false },
      targetName: { type: DataTypes.STRING(1000), allowNull: false },
      pageCount: { type: DataTypes.INTEGER, allowNull: false },
      sensitiveConfirmed: { type: DataTypes.TEXT, allowNull: false },
    },
    { ...common, tableName: 'print_jobs', timestamps: false },
  )

  return { NoticeTemplate, Notice, PrintJob }
}
