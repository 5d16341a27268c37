// The conclusion's content as it is read: the saved draft, or one suggested from the findings until
// the team first saves; the issued notice with its number and frozen file; and the input the .docx
// builder takes. The writes are in conclusion.service.ts.
import { DEFAULT_ISSUER_SYMBOL, type ConclusionDto, type ConclusionInput } from '../../../contract/inspections.ts'
import type { Queryable } from '../../db/types.ts'
import { addDays } from '../../lib/dates.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import type { ConclusionNoticeInput } from './conclusion.docx.ts'
import { findingsOfInspection, type FindingRow } from './findings.queries.ts'
import { needsCorrection } from './inspections.policy.ts'
import type { InspectionRow } from './inspections.queries.ts'

export type Content = Omit<ConclusionInput, 'version'>

export interface ConclusionRecord {
  status: 'draft' | 'issued'; content: Content; number: string | null; issued_on: string | null; version: number; document: Uint8Array | null
}

export async function findConclusion(db: Queryable, inspectionId: number, forUpdate = false): Promise<ConclusionRecord | null> {
  const [r] = await db.query<ConclusionRecord>(
    `SELECT status, content, number, issued_on, version, ${forUpdate ? 'NULL::bytea AS document' : 'document'} FROM inspection_conclusion WHERE inspection_id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [inspectionId],
  )
  return r ?? null
}

export const KIND_WORD = { inspection: 'kiểm tra', supervision: 'giám sát' } as const
const TEAM_WORD = { inspection: 'Đoàn kiểm tra', supervision: 'Đoàn giám sát' } as const

/** What the team starts from: the inspection's facts, and its findings sorted into the notice's parts. */
async function suggestedContent(db: Queryable, i: InspectionRow, findings: FindingRow[], today: string): Promise<Content> {
  const [d] = i.directiveIds.length
    ? await db.query<{ parent_body: string | null; issuer: string | null }>('SELECT parent_body, issuer FROM directive WHERE id = $1', [i.directiveIds[0]])
    : []
  const several = i.units.length > 1
  const units = i.units.map((u) => u.name).join(', ')
  const word = KIND_WORD[i.kind]
  const say = (f: FindingRow) => (several ? `${f.unitName}: ${f.text}` : f.text)
  const dueBase = i.deadline > today ? i.deadline : today
  // A title usually opens with its own verb ("Kiểm tra việc …", "Giám sát …") and often names the
  // units already: neither is said twice ("đã tiến hành kiểm tra kiểm tra …", "tại X … đối với X").
  const title = i.title.charAt(0).toLocaleLowerCase('vi') + i.title.slice(1)
  const opensWithWord = title.startsWith(`${word} `)
  const namesUnits = i.units.every((u) => title.includes(u.name))
  const subject = `${opensWithWord ? '' : `${word} `}${title}${namesUnits ? '' : ` đối với ${units}`}`
  return {
    header: { parentBody: d?.parent_body ?? 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: d?.issuer ?? 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', symbol: DEFAULT_ISSUER_SYMBOL, place: 'Hà Nội' },
    overview: `Thực hiện Quyết định số ${i.decisionNumber} ngày ${vnTextDate(i.decisionDate)}, từ ngày ${vnTextDate(i.startDate)}, ${TEAM_WORD[i.kind]} đã tiến hành ${subject}; thời kỳ ${word} từ ngày ${vnTextDate(i.periodFrom)} đến ngày ${vnTextDate(i.periodTo)}.\n`
      + `Sau khi xem xét báo cáo kết quả ${word} của ${TEAM_WORD[i.kind]} và ý kiến của ${units}, kết luận như sau:`,
    strengths: findings.filter((f) => f.kind === 'strength').map(say),
    shortcomings: findings.filter((f) => needsCorrection(f.kind)).map(say),
    causes: '',
    mustCorrect: findings.filter((f) => needsCorrection(f.kind)).map((f) => ({
      unitId: f.unitId, findingId: f.id, requirementId: f.requirementId, title: `Khắc phục: ${f.text}`.slice(0, 2000), dueDate: addDays(dueBase, 60),
    })),
    recommendations: '',
    distribution: [...i.units.map((u) => `${u.name} (để thực hiện)`), `${TEAM_WORD[i.kind]}`, 'Lưu: VP BCSĐ, Ban BVCTNB'],
    signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: '' },
  }
}

function toDto(c: Content, row: ConclusionRecord | null, correctiveActionIds: number[]): ConclusionDto {
  return {
    status: row?.status ?? 'draft', isSaved: !!row, number: row?.number ?? null, issuedOn: row?.issued_on ?? null, header: c.header, overview: c.overview,
    strengths: c.strengths, shortcomings: c.shortcomings, causes: c.causes,
    mustCorrect: c.mustCorrect.map((m) => ({ unitId: m.unitId, findingId: m.findingId ?? null, requirementId: m.requirementId ?? null, title: m.title, dueDate: m.dueDate })),
    recommendations: c.recommendations, distribution: c.distribution, signature: c.signature, correctiveActionIds, version: row?.version ?? 1,
  }
}

/**
 * The conclusion as the caller may see it: issued, for every reader; a draft (saved, or suggested
 * from the findings) only with `draftsToo` (the team and oversight). null otherwise.
 */
export async function conclusionOf(db: Queryable, i: InspectionRow, findings: FindingRow[], opts: { draftsToo: boolean; today: string }): Promise<ConclusionDto | null> {
  const row = await findConclusion(db, i.id)
  if (row?.status === 'issued') {
    const ids = await db.query<{ id: number }>('SELECT id FROM corrective_action WHERE inspection_id = $1 ORDER BY id', [i.id])
    return toDto(row.content, row, ids.map((r) => r.id))
  }
  if (!opts.draftsToo) return null
  return toDto(row?.content ?? (await suggestedContent(db, i, findings, opts.today)), row, [])
}

/** The notice's input for the .docx builder, with its number (or the gap a draft leaves). */
export function noticeInput(i: InspectionRow, c: Content, number: string | null, date: string): ConclusionNoticeInput {
  const unitName = new Map(i.units.map((u) => [u.id, u.name]))
  return {
    header: { parentBody: c.header.parentBody, issuer: c.header.issuer, number: number ?? `-TB/${c.header.symbol}`, place: c.header.place, date },
    kind: i.kind, unitNames: i.units.map((u) => u.name), overview: c.overview, strengths: c.strengths, shortcomings: c.shortcomings, causes: c.causes,
    mustCorrect: c.mustCorrect.map((m) => ({ unitName: unitName.get(m.unitId) ?? '', title: m.title, dueDate: m.dueDate })),
    recommendations: c.recommendations, distribution: c.distribution, signature: c.signature,
  }
}

/** The notice's .docx: the frozen file once issued; the draft (saved or suggested) rendered, with a gap for the number, before. */
export async function conclusionDocument(db: Queryable, i: InspectionRow, opts: { draftsToo: boolean }, today: string): Promise<{ bytes: Buffer; number: string | null } | null> {
  const row = await findConclusion(db, i.id)
  if (row?.status === 'issued') return { bytes: Buffer.from(row.document!), number: row.number }
  if (!opts.draftsToo) return null
  const content = row?.content ?? (await suggestedContent(db, i, await findingsOfInspection(db, i.id), today))
  const { conclusionNoticeDocx } = await import('./conclusion.docx.ts')
  return { bytes: await conclusionNoticeDocx(noticeInput(i, content, null, today)), number: null }
}
