// Due process for the subject of a violation case: they see the notices addressed to them (found by
// a blind index of their account), their deadlines, and answer in BVCT. They never see the rest.
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { blindRef } from '../keys/keys.service.ts'
import { AAD, caseKey } from './case-content.ts'
import { findCase, findNotice, nextId, noticesAddressedTo, submissions } from './cases.queries.ts'
import type { CaseDeps } from './cases.service.ts'

export async function myNotices(deps: CaseDeps, user: CurrentUser, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const rows = await noticesAddressedTo(tx, await blindRef(tx, deps.keys, 'account', user.id))
    const out = []
    for (const n of rows) {
      const k = await caseKey(tx, deps.keys, n.data_key_id)
      const subs = (await submissions(tx, n.case_id)).filter((s) => s.notice_id === n.id)
      out.push({
        id: n.id, caseNumber: n.number, kind: n.kind, sentAt: new Date(n.sent_at).toISOString(), dueDate: n.due_date, body: k.openText(n.body_enc, AAD.notice(n.id)),
        submissions: subs.map((s) => ({ id: s.id, kind: s.kind, submittedAt: new Date(s.submitted_at).toISOString(), body: k.openText(s.body_enc, AAD.submission(s.id)) })),
      })
    }
    // The subject's own reads are part of the case's history too.
    for (const caseId of new Set(rows.map((r) => r.case_id))) await recordAudit(tx, actor, { action: 'readNotices', entity: 'case', entityId: caseId })
    return { items: out }
  })
}

/** The subject answers a notice addressed to them: an explanation, a complaint or an appeal. */
export async function submitToNotice(deps: CaseDeps, user: CurrentUser, actor: Actor, noticeId: number, input: { kind: 'explanation' | 'complaint' | 'appeal'; body: string }) {
  return deps.db.transaction(async (tx) => {
    const n = await findNotice(tx, noticeId)
    const ref = await blindRef(tx, deps.keys, 'account', user.id)
    if (!n || !n.addressee_ref || !ref.equals(Buffer.from(n.addressee_ref))) throw notFound()
    const c = (await findCase(tx, n.case_id))!
    if (c.status !== 'open' || !c.dataKeyId) throw invalid({ kind: 'pastDue' })
    const k = await caseKey(tx, deps.keys, c.dataKeyId)
    const sid = await nextId(tx, 'conf_case_submission')
    await tx.query('INSERT INTO conf_case_submission (id, case_id, notice_id, kind, submitted_at, body_enc) VALUES ($1,$2,$3,$4,$5,$6)', [
      sid, c.id, n.id, input.kind, actor.now, k.sealText(input.body, AAD.submission(sid)),
    ])
    await recordAudit(tx, actor, { action: 'submission', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: { noticeId: n.id, kind: input.kind } })
    return { id: sid, kind: input.kind, submittedAt: actor.now.toISOString(), body: input.body }
  })
}
