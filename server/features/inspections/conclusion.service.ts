// The conclusion's writes: the team saves the draft with optimistic concurrency, and after the
// closing meeting the competent level issues it. Issuing gives the notice its number, freezes its
// .docx, makes a corrective action of every "must correct" item, concludes the inspection and tells
// the units. An issued notice never changes.
import { createHash } from 'node:crypto'
import type { ConclusionInput, InspectionDto, InspectionRules } from '../../../contract/inspections.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { addDays, vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { KIND_WORD, findConclusion, noticeInput, type ConclusionRecord, type Content } from './conclusion-content.ts'
import { insertCorrective } from './corrective-actions.queries.ts'
import { findingsOfInspection } from './findings.queries.ts'
import { savedInspection } from './inspection-detail.ts'
import { issuingInspection, teamInspection } from './inspections.access.ts'
import { CONCLUSION_ISSUE_ROLES } from './inspections.policy.ts'
import { nextDocumentNumber, requirementDirectives, type InspectionRow } from './inspections.queries.ts'
import { notifyAccounts, notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

/** Checks the must-correct items against the inspection: its units, its findings, its directives. */
async function checkContent(db: Queryable, i: InspectionRow, c: Content, issuedOn?: string) {
  const bad: Record<string, FieldError> = {}
  const findings = new Map((await findingsOfInspection(db, i.id)).map((f) => [f.id, f]))
  const reqs = await requirementDirectives(db, c.mustCorrect.map((m) => m.requirementId).filter((x): x is number => !!x))
  c.mustCorrect.forEach((m, n) => {
    if (!i.units.some((u) => u.id === m.unitId)) bad[`mustCorrect.${n}.unitId`] = 'notSubjectUnit'
    if (m.findingId && findings.get(m.findingId)?.unitId !== m.unitId) bad[`mustCorrect.${n}.findingId`] = 'notInInspection'
    const r = m.requirementId ? reqs.get(m.requirementId) : null
    if (m.requirementId && (!r || !i.directiveIds.includes(r.directiveId))) bad[`mustCorrect.${n}.requirementId`] = 'notInDirective'
    if (issuedOn && m.dueDate <= issuedOn) bad[`mustCorrect.${n}.dueDate`] = { key: 'notBefore', n: vnTextDate(addDays(issuedOn, 1)) }
  })
  if (Object.keys(bad).length) throw invalid(bad)
}

const conflict = (row: ConclusionRecord | null) => new AppError('CONFLICT', undefined, { current: { version: row?.version ?? 1 } })

/** Saves the draft. The first save is of version 1 (the suggestion); a save based on an older version is refused. */
export async function saveConclusion(deps: { db: Db; rules: InspectionRules }, user: CurrentUser, actor: Actor, inspectionId: number, input: ConclusionInput): Promise<InspectionDto> {
  return deps.db.transaction(async (tx) => {
    const reach = await teamInspection(tx, user, inspectionId, { forUpdate: true })
    const row = await findConclusion(tx, inspectionId, true)
    if ((row?.version ?? 1) !== input.version) throw conflict(row)
    if (row?.status === 'issued' || reach.inspection.phase === 'concluded') throw new AppError('INVALID_STATE')
    const { version: _v, ...content } = input
    await checkContent(tx, reach.inspection, content)
    await tx.query(
      `INSERT INTO inspection_conclusion (inspection_id, content, version, updated_by, updated_at) VALUES ($1, $2, 2, $3, $4)
       ON CONFLICT (inspection_id) DO UPDATE SET content = excluded.content, version = inspection_conclusion.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [inspectionId, JSON.stringify(content), actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'saveConclusion', entity: 'inspection', entityId: inspectionId, unitId: reach.inspection.ownerUnitId, after: { mustCorrect: content.mustCorrect.length } })
    return savedInspection(tx, user, inspectionId, deps.rules, actor.now)
  })
}

/**
 * Issues the notice (the inspection is in its closing phase and the draft saved): numbered, its
 * .docx frozen, each must-correct item a corrective action, findings left without one resolved (the
 * conclusion asks nothing of them), the inspection concluded on the day of issue, the units told.
 */
export async function issueConclusion(
  deps: { db: Db; mailer: Mailer; rules: InspectionRules }, user: CurrentUser, actor: Actor, inspectionId: number, input: { version: number; issuedOn: string; number?: string },
): Promise<InspectionDto> {
  let mails: PendingMail[] = []
  const out = await deps.db.transaction(async (tx) => {
    const reach = await issuingInspection(tx, user, inspectionId, CONCLUSION_ISSUE_ROLES, { forUpdate: true })
    const i = reach.inspection
    const row = await findConclusion(tx, inspectionId, true)
    if (!row || row.version !== input.version) throw conflict(row)
    if (row.status === 'issued' || i.phase !== 'closing') throw new AppError('INVALID_STATE')
    if (input.issuedOn > vnDay(actor.now)) throw invalid({ issuedOn: 'afterToday' })
    if (i.closingOn && input.issuedOn < i.closingOn) throw invalid({ issuedOn: { key: 'notBefore', n: vnTextDate(i.closingOn) } })
    await checkContent(tx, i, row.content, input.issuedOn)
    if (input.number && (await tx.query('SELECT 1 FROM inspection_conclusion WHERE lower(number) = lower($1)', [input.number])).length) throw invalid({ number: 'taken' })
    const number = input.number ?? (await nextDocumentNumber(tx, 'TB', row.content.header.symbol))
    const { conclusionNoticeDocx } = await import('./conclusion.docx.ts')
    const document = await conclusionNoticeDocx(noticeInput(i, row.content, number, input.issuedOn))
    await tx.query(
      `UPDATE inspection_conclusion SET status = 'issued', number = $2, issued_on = $3, issued_at = $4, issued_by = $5, document = $6, document_sha256 = $7,
         version = version + 1, updated_by = $5, updated_at = $4 WHERE inspection_id = $1`,
      [inspectionId, number, input.issuedOn, actor.now, actor.id, document, createHash('sha256').update(document).digest('hex')],
    )
    const ids: number[] = []
    for (const m of row.content.mustCorrect) {
      ids.push(await insertCorrective(tx, {
        inspectionId, assignmentId: null, findingId: m.findingId ?? null, unitId: m.unitId, requirementId: m.requirementId ?? null, title: m.title, dueDate: m.dueDate, now: actor.now,
      }))
    }
    await tx.query(
      `UPDATE inspection_finding f SET resolved_on = $2 WHERE f.inspection_id = $1 AND f.kind <> 'strength' AND f.resolved_on IS NULL
         AND NOT EXISTS (SELECT 1 FROM corrective_action ca WHERE ca.finding_id = f.id)`,
      [inspectionId, input.issuedOn],
    )
    await tx.query(`UPDATE inspection SET phase = 'concluded', concluded_on = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [inspectionId, input.issuedOn, actor.now])
    await recordAudit(tx, actor, { action: 'issueConclusion', entity: 'inspection', entityId: inspectionId, unitId: i.ownerUnitId, after: { number, issuedOn: input.issuedOn, correctiveActionIds: ids } })
    const notice = {
      kind: 'inspection.conclusion', title: `Thông báo kết luận ${KIND_WORD[i.kind]} số ${number}`,
      body: `${i.title}: đã có thông báo kết luận (số ${number}, ngày ${vnTextDate(input.issuedOn)})${ids.length ? `, với ${ids.length} nội dung phải khắc phục` : ''}.`,
      link: `/inspections/${inspectionId}`, dedupeKey: `inspection:${inspectionId}:concluded`,
    }
    mails = await notifyUnits(tx, i.units.map((u) => u.id), notice, actor.now)
    await notifyAccounts(tx, i.team.map((m) => m.accountId), notice, actor.now)
    return savedInspection(tx, user, inspectionId, deps.rules, actor.now)
  })
  await sendMails(deps.mailer, mails)
  return out
}

