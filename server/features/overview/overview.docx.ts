// The overview as a one-page brief for a committee meeting, in the Party format of Guidance
// 36-HD/VPTW (the blocks the consolidated report and the conclusion notice use): header, "BÁO CÁO"
// with its subject, one short paragraph per seed requirement with its indicators and the change
// since last month, "Nơi nhận" and the signature. The number is left blank for the clerk.
import type { FileChild } from 'docx'
import { DEFAULT_MARGINS } from '../../../contract/report-documents.ts'
import { REQUIREMENT_LABELS, type IndicatorDto, type OverviewDto } from '../../../contract/overview.ts'
import { closingBlock, headerBlock, spacer, titleBlock } from '../reports/documents/docx-blocks.ts'
import { body, contentWidth, heading, lead, packDocument } from '../reports/documents/docx-layout.ts'
import { vnInteger, vnPercent, vnTextDate } from '../reports/documents/vn-format.ts'

/** "87,5% (35/40), tăng 2,5 điểm so với tháng trước" — or "chưa theo dõi". */
export function indicatorPhrase(i: IndicatorDto): string {
  if (!i.tracked) return 'chưa theo dõi trên hệ thống'
  if (i.kind === 'count') return `${vnInteger(i.numerator ?? 0)}${trendPhrase(i, (d) => vnInteger(Math.abs(d)))}`
  if (i.value === null) return 'chưa có số liệu'
  return `${vnPercent(i.value)} (${vnInteger(i.numerator ?? 0)}/${vnInteger(i.denominator ?? 0)})${trendPhrase(i, (d) => `${vnPercent(Math.abs(d)).replace('%', '')} điểm phần trăm`)}`
}

function trendPhrase(i: IndicatorDto, fmt: (d: number) => string): string {
  const [prev, now] = i.trend.slice(-2).map((t) => t.value)
  if (prev == null || now == null) return ''
  const d = now - prev
  if (Math.abs(d) < 1e-9) return ', không đổi so với tháng trước'
  return `, ${d > 0 ? 'tăng' : 'giảm'} ${fmt(d)} so với tháng trước`
}

export async function overviewBrief(o: OverviewDto, scopeName: string): Promise<Buffer> {
  const width = contentWidth(DEFAULT_MARGINS)
  const byRequirement = new Map<number, IndicatorDto[]>()
  for (const i of o.indicators) byRequirement.set(i.requirement, [...(byRequirement.get(i.requirement) ?? []), i])
  const children: FileChild[] = [
    headerBlock({ parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', number: '-BC/BCSĐ', place: 'Hà Nội', date: o.asOf }, width),
    ...titleBlock('BÁO CÁO', 'tóm tắt kết quả thực hiện công tác bảo vệ chính trị nội bộ'),
    body(`Số liệu của ${scopeName} trên hệ thống BVCT tính đến ngày ${vnTextDate(o.asOf)}, phục vụ cuộc họp của Ban cán sự đảng, như sau:`),
    ...[...byRequirement].flatMap(([req, list]) => [
      heading(`${req}. ${REQUIREMENT_LABELS[req].vi}`),
      ...list.map((i) => body(lead(`- ${i.label.vi}: `, `${indicatorPhrase(i)}.`, {}))),
    ]),
    body('Các chỉ số chưa theo dõi là phần việc chưa được cập nhật trên hệ thống, không phải kết quả bằng không./.'),
    spacer(),
    closingBlock(['Các đồng chí Ủy viên Ban cán sự đảng', 'Ban Bảo vệ chính trị nội bộ', 'Lưu VP'], { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: '', name: '' }, width),
  ]
  return packDocument(children, { title: 'Báo cáo tóm tắt kết quả thực hiện công tác bảo vệ chính trị nội bộ', margins: DEFAULT_MARGINS })
}
