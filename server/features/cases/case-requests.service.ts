// Requests to other agencies (Regulation 58's "phối hợp"): which agency and what was asked are sealed;
// the dates are in clear, so deadlines can be chased without opening the case.
import type { CaseDto } from '../../../contract/cases.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { AAD, caseKey } from './case-content.ts'
import { caseOnList } from './cases.access.ts'
import { findCase, findRequest, nextId } from './cases.queries.ts'
import { caseDetail, type CaseDeps } from './cases.service.ts'

export async function addRequest(deps: CaseDeps, user: CurrentUser, actor: Actor, caseId: number, input: { agency: string; asked: string; sentOn: string; dueDate: string }): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const c = await caseOnList(tx, user, caseId, { forUpdate: true })
    if (c.status !== 'open') throw new AppError('INVALID_STATE')
    if (input.dueDate < input.sentOn) throw invalid({ dueDate: 'notLater' })
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    const rid = await nextId(tx, 'conf_case_request')
    await tx.query('INSERT INTO conf_case_request (id, case_id, sent_on, due_date, request_enc, created_at) VALUES ($1,$2,$3,$4,$5,$6)', [
      rid, c.id, input.sentOn, input.dueDate, k.sealJson({ agency: input.agency, asked: input.asked }, AAD.request(rid)), actor.now,
    ])
    await tx.query('UPDATE conf_case SET version = version + 1, updated_at = $2 WHERE id = $1', [c.id, actor.now])
    await recordAudit(tx, actor, { action: 'addRequest', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: { requestId: rid, sentOn: input.sentOn, dueDate: input.dueDate } })
    return caseDetail(tx, deps.keys, user, (await findCase(tx, c.id))!, vnDay(actor.now), { viaBreakGlass: false })
  })
}

export async function recordReply(deps: CaseDeps, user: CurrentUser, actor: Actor, requestId: number, input: { version: number; repliedOn: string; reply: string }): Promise<CaseDto> {
  return deps.db.transaction(async (tx) => {
    const r = await findRequest(tx, requestId, true)
    if (!r) throw notFound()
    const c = await caseOnList(tx, user, r.case_id)
    if (r.version !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: r.version } })
    if (input.repliedOn > vnDay(actor.now)) throw invalid({ repliedOn: 'afterToday' })
    const k = await caseKey(tx, deps.keys, c.dataKeyId!)
    await tx.query('UPDATE conf_case_request SET replied_on = $2, reply_enc = $3, version = version + 1 WHERE id = $1', [r.id, input.repliedOn, k.sealText(input.reply, AAD.reply(r.id))])
    await recordAudit(tx, actor, { action: 'recordReply', entity: 'case', entityId: c.id, unitId: c.boardUnitId, after: { requestId: r.id, repliedOn: input.repliedOn } })
    return caseDetail(tx, deps.keys, user, (await findCase(tx, c.id))!, vnDay(actor.now), { viaBreakGlass: false })
  })
}
