/**
 * 季评诚信 on paper: the quarter's list of results (to post or file) and a certificate for a
 * business rated A or B. Portrait A4 both, so a counter printer needs no landscape setting.
 */
import type { RatingDto } from '../../../contract/rating-dto'
import { formatChineseDate } from '../../../contract/rules/notice-variables'
import { parseQuarter } from '../../../contract/rules/integrity-rating'
import { escapeHtml, printPage } from '../print-html'
import type { PrintDocument, PrintEngine } from '../print-engine'
import { SERIF } from '../fonts'
import { PAGE_NUMBER_GLYPHS, pageCss } from './meeting-common'

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource'>
const QUARTER_NAMES = ['一', '二', '三', '四'] as const

/** `2026-Q4` → 2026年第四季度. */
export function quarterTitle(quarter: string): string {
  const q = parseQuarter(quarter)
  return q ? `${q.year}年第${QUARTER_NAMES[q.quarter - 1]}季度` : quarter
}

export interface IntegrityListRow {
  businessName: string
  operatorName: string
  total: number
  max: number
  level: string
}

const LEVEL_NAMES: Record<string, string> = { A: 'A级（诚信）', B: 'B级（基本诚信）', C: 'C级（需整改）' }

const listCss = `
h1 { margin: 0 0 2mm; font-size: 18pt; font-weight: 700; line-height: 1.5; text-align: center; }
.sub { margin: 0 0 4mm; text-align: center; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; }
th, td { border: 0.25mm solid #000; padding: 1.2mm 1.5mm; line-height: 1.35; vertical-align: middle; }
th { font-weight: 700; text-align: center; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
col.n { width: 14mm; } col.score { width: 22mm; } col.level { width: 32mm; } col.op { width: 22mm; }
td.n, td.score, td.level, td.op { text-align: center; }
.summary { margin: 4mm 0 0; }
.sign { margin: 10mm 0 0 auto; width: 70mm; text-align: center; line-height: 1.9; }
`

export function renderIntegrityList(
  engine: Engine,
  data: { quarter: string; station: string; community: string; ratings: IntegrityListRow[]; today: string },
): PrintDocument {
  const e = escapeHtml
  const title = `${data.community || data.station}${quarterTitle(data.quarter)}个体工商户诚信经营评定结果`
  const rows = data.ratings
    .map(
      (r, i) =>
        `<tr><td class="n">${i + 1}</td><td>${e(r.businessName)}</td><td class="op">${e(r.operatorName)}</td>` +
        `<td class="score">${r.total} / ${r.max}</td><td class="level">${LEVEL_NAMES[r.level] ?? r.level}</td></tr>`,
    )
    .join('')
  const count = (level: string) => data.ratings.filter((r) => r.level === level).length
  const html =
    PAGE_NUMBER_GLYPHS +
    `<h1>${e(title)}</h1>` +
    `<p class="sub">共评定 ${data.ratings.length} 户：A级 ${count('A')} 户，B级 ${count('B')} 户，C级 ${count('C')} 户</p>` +
    '<table><colgroup><col class="n"><col><col class="op"><col class="score"><col class="level"></colgroup>' +
    '<thead><tr><th>序号</th><th>商户名称</th><th>经营者</th><th>得分</th><th>等级</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>` +
    `<div class="sign"><div>${e(data.station)}</div><div>${formatChineseDate(data.today)}</div></div>`
  return printPage(engine, { title, paper: 'A4', css: pageCss() + listCss, bodyHtml: html })
}

const certificateCss = `
@page { size: A4 portrait; margin: 18mm; @bottom-center { content: none; } }
html, body { margin: 0; padding: 0; }
body { font-family: ${SERIF}, serif; color: #000; }
.frame { box-sizing: border-box; height: 258mm; border: 2.2mm double #b3241b; padding: 16mm 18mm; display: flex; flex-direction: column; }
h1 { margin: 14mm 0 18mm; text-align: center; font-size: 36pt; letter-spacing: 0.35em; color: #b3241b; font-weight: 700; }
.body { font-size: 18pt; line-height: 2.1; text-indent: 2em; text-align: justify; }
.level { font-weight: 700; }
.foot { margin-top: auto; margin-left: auto; width: 90mm; text-align: center; font-size: 16pt; line-height: 2; }
.no { font-size: 11pt; margin-top: 6mm; color: #333; }
`

export function renderIntegrityCertificate(
  engine: Engine,
  data: { rating: RatingDto; operatorName: string; station: string; issuedOn: string },
): PrintDocument {
  const e = escapeHtml
  const r = data.rating
  const levelName = r.level === 'A' ? 'A级诚信经营户' : 'B级基本诚信经营户'
  const html =
    '<div class="frame">' +
    '<h1>荣誉证书</h1>' +
    `<p class="body">${e(r.businessName)}（经营者：${e(data.operatorName)}）：</p>` +
    `<p class="body">在${quarterTitle(r.quarter)}个体工商户诚信经营评定中，得分 ${r.total} 分（满分 ${r.max} 分），` +
    `被评为<span class="level">${levelName}</span>。特发此证，以资鼓励。</p>` +
    `<div class="foot"><div>${e(data.station)}</div><div>${formatChineseDate(data.issuedOn)}</div>` +
    `<div class="no">证书编号：${e(r.quarter.replace('-', ''))}-${String(r.id).padStart(4, '0')}</div></div>` +
    '</div>'
  return printPage(engine, {
    title: `${r.businessName} ${quarterTitle(r.quarter)}诚信经营证书`,
    paper: 'A4',
    css: certificateCss,
    bodyHtml: html,
  })
}
