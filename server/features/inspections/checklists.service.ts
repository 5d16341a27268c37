// Self-inspection checklists: the board's templates, rounds assigned to units with a due date, the
// unit's answers (yes / no / not applicable, a note, evidence), and on submission each "no" made a
// finding of that unit with a corrective action — the item's words carried over, nothing retyped.
import type { AssignmentDto, ChecklistTemplateDto, ChecklistTemplateInput } from '../../../contract/checklists.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { addDays, vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnTextDate } from '../reports/documents/vn-format.ts'
import { unitById } from '../units/units.access.ts'
import {
  answersOf, assignmentSummary, findAssignment, findTemplate, listAssignments, listTemplates, templateItems, type AssignmentRow, type TemplateRow,
} from './checklists.queries.ts'
import { insertCorrective } from './corrective-actions.queries.ts'
import { insertFinding } from './findings.queries.ts'
import { boardUnitFor, canAnswerChecklistFor, canManageChecklistsOver, reachesUnit, reachesUnitSql, underPathOf } from './inspections.access.ts'
import { CHECKLIST_MANAGE_ROLES, CHECKLIST_READ_ROLES, CHECKLIST_SUBMIT_ROLES } from './inspections.policy.ts'
import { filesOf, filesOwnedBy, requirementDirectives, unitsUnder, type FileMeta } from './inspections.queries.ts'
import { notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

const toTemplateDto = async (db: Queryable, t: TemplateRow): Promise<ChecklistTemplateDto> => ({
  id: t.id, ownerUnitId: t.ownerUnitId, title: t.title, description: t.description, assignments: t.assignments, version: t.version,
  items: (await templateItems(db, t.id)).map((i) => ({ id: i.id, ordinal: i.ordinal, area: i.area, text: i.text, requirementId: i.requirement_id })),
})

/** A template kept under the caller's scopes or above them; 404 otherwise. */
async function readableTemplate(db: Queryable, user: CurrentUser, id: number): Promise<TemplateRow> {
  const t = await findTemplate(db, id)
  const scopes = scopePaths(user, CHECKLIST_READ_ROLES)
  if (!t || !scopes.some((s) => s === t.ownerPath || s.startsWith(t.ownerPath + '.') || t.ownerPath.startsWith(s + '.'))) throw notFound()
  return t
}

export const listChecklistTemplates = async (db: Queryable, user: CurrentUser) => ({
  items: (await listTemplates(db, scopePaths(user, CHECKLIST_READ_ROLES))).map((t) => ({ id: t.id, ownerUnitId: t.owner_unit_id, title: t.title, items: t.items, assignments: t.assignments })),
})

export const readChecklistTemplate = async (db: Queryable, user: CurrentUser, id: number) => toTemplateDto(db, await readableTemplate(db, user, id))

export async function createTemplate(db: Db, user: CurrentUser, actor: Actor, input: ChecklistTemplateInput, key?: string): Promise<Answer<ChecklistTemplateDto>> {
  return db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const given = input.ownerUnitId ? await unitById(tx, input.ownerUnitId) : null
    if (input.ownerUnitId && !given) throw invalid({ ownerUnitId: 'notFound' })
    const ownerUnitId = boardUnitFor(user, CHECKLIST_MANAGE_ROLES, given, 'ownerUnitId')
    const reqs = await requirementDirectives(tx, input.items.map((i) => i.requirementId).filter((x): x is number => !!x))
    const bad: Record<string, FieldError> = {}
    input.items.forEach((it, n) => { if (it.requirementId && !reqs.has(it.requirementId)) bad[`items.${n}.requirementId`] = 'notFound' })
    if (Object.keys(bad).length) throw invalid(bad)
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO checklist_template (owner_unit_id, title, description, created_by, created_at) VALUES ($1,$2,$3,$4,$5) RETURNING id',
      [ownerUnitId, input.title, input.description, actor.id, actor.now],
    )
    await tx.query(
      `INSERT INTO checklist_template_item (template_id, ordinal, area, text, requirement_id)
       SELECT $1, o, a, t, nullif(r, 0) FROM unnest($2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS x(a, t, r, o)`,
      [id, input.items.map((i) => i.area), input.items.map((i) => i.text), input.items.map((i) => i.requirementId ?? 0)],
    )
    await recordAudit(tx, actor, { action: 'create', entity: 'checklistTemplate', entityId: id, unitId: ownerUnitId, after: { title: input.title, items: input.items.length } })
    return toTemplateDto(tx, (await findTemplate(tx, id))!)
  }))
}

/** Assigns a template to units in the board's scope with a due date; each unit's head and officer are told. */
export async function assignChecklist(
  deps: { db: Db; mailer: Mailer }, user: CurrentUser, actor: Actor, templateId: number,
  input: { unitIds: number[]; dueDate: string; title?: string; correctWithinDays: number }, key?: string,
): Promise<Answer<{ items: ReturnType<typeof assignmentSummary>[] }>> {
  let mails: PendingMail[] = []
  const answer = await deps.db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const t = await findTemplate(tx, templateId)
    if (!t || !canManageChecklistsOver(user, t.ownerPath)) throw notFound()
    const found = new Set((await unitsUnder(tx, input.unitIds, scopePaths(user, CHECKLIST_MANAGE_ROLES))).map((u) => u.id))
    const bad: Record<string, FieldError> = {}
    input.unitIds.forEach((id, i) => { if (!found.has(id)) bad[`unitIds.${i}`] = 'notFound' })
    if (input.dueDate < vnDay(actor.now)) bad.dueDate = { key: 'notBefore', n: vnTextDate(vnDay(actor.now)) }
    if (Object.keys(bad).length) throw invalid(bad)
    const title = input.title ?? t.title
    const rows = await tx.query<{ id: number; unit_id: number }>(
      `INSERT INTO checklist_assignment (template_id, unit_id, title, due_date, correct_within_days, assigned_by, assigned_at)
       SELECT $1, u, $3, $4, $5, $6, $7 FROM unnest($2::int[]) AS u RETURNING id, unit_id`,
      [templateId, [...found], title, input.dueDate, input.correctWithinDays, actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'assign', entity: 'checklistTemplate', entityId: templateId, unitId: t.ownerUnitId, after: { units: rows.length, dueDate: input.dueDate, title } })
    for (const r of rows) {
      mails = mails.concat(await notifyUnits(tx, [r.unit_id], {
        kind: 'checklist.assigned', title: `Tự kiểm tra: ${title}`, body: `Đơn vị thực hiện bảng tự kiểm tra và nộp trước ngày ${vnTextDate(input.dueDate)}.`,
        link: `/checklists/${r.id}`, dedupeKey: `checklist:${r.id}:assigned`,
      }, actor.now))
    }
    const today = vnDay(actor.now)
    const out = []
    for (const r of rows) out.push(assignmentSummary((await findAssignment(tx, r.id))!, today))
    return { items: out }
  }))
  if (!answer.isReplay) await sendMails(deps.mailer, mails)
  return answer
}

/** A round the caller sees: its unit's records (scope, or an inspector of the unit), or the board over the unit. */
async function readableAssignment(db: Queryable, user: CurrentUser, id: number, forUpdate = false): Promise<AssignmentRow> {
  const a = await findAssignment(db, id, forUpdate)
  if (!a || !((await reachesUnit(db, user, a.unitId, a.unitPath)) || canManageChecklistsOver(user, a.unitPath))) throw notFound()
  return a
}

export async function assignmentDetail(db: Queryable, user: CurrentUser, a: AssignmentRow, today: string): Promise<AssignmentDto> {
  const items = await templateItems(db, a.templateId)
  const answers = new Map((await answersOf(db, a.id)).map((x) => [x.item_id, x]))
  const files = await filesOf(db, { assignmentId: a.id })
  const byId = new Map(files.map((f) => [f.id, f]))
  return {
    ...assignmentSummary(a, today),
    correctWithinDays: a.correctWithinDays,
    items: items.map((i) => {
      const x = answers.get(i.id)
      return {
        id: i.id, ordinal: i.ordinal, area: i.area, text: i.text, requirementId: i.requirement_id, answer: x?.answer ?? null, note: x?.note ?? '',
        evidence: (x?.evidence_file_ids ?? []).map((f) => byId.get(f)).filter((f): f is FileMeta => !!f), findingId: x?.finding_id ?? null,
        correctiveActionId: x?.corrective_action_id ?? null,
      }
    }),
    files,
    access: {
      canAnswer: a.status === 'assigned' && canAnswerChecklistFor(user, a.unitPath),
      canSubmit: a.status === 'assigned' && canReach(user, CHECKLIST_SUBMIT_ROLES, a.unitPath),
    },
  }
}

export async function readAssignment(db: Queryable, user: CurrentUser, id: number, today: string) {
  return assignmentDetail(db, user, await readableAssignment(db, user, id), today)
}

export async function listChecklistAssignments(db: Queryable, user: CurrentUser, q: { under?: number; status?: string; templateId?: number; limit: number; offset: number }, today: string) {
  const params: unknown[] = []
  const reach = reachesUnitSql(user, params)
  const { rows, total } = await listAssignments(db, { reach, params, underPath: await underPathOf(db, user, q.under), status: q.status, templateId: q.templateId, limit: q.limit, offset: q.offset })
  return { items: rows.map((r) => assignmentSummary(r, today)), total }
}

/** A round the unit's head or officer (or, to submit, its head) works on; 404 otherwise. */
async function workableAssignment(tx: Queryable, user: CurrentUser, id: number, roles: 'answer' | 'submit') {
  const a = await findAssignment(tx, id, true)
  const ok = a && (roles === 'answer' ? canAnswerChecklistFor(user, a.unitPath) : canReach(user, CHECKLIST_SUBMIT_ROLES, a.unitPath))
  if (!a || !ok) throw notFound()
  return a
}

/** Saves answers (any subset; a later save changes them) until the round is submitted. */
export async function saveAnswers(
  db: Db, user: CurrentUser, actor: Actor, id: number,
  input: { version: number; answers: { itemId: number; answer: 'yes' | 'no' | 'na'; note: string; evidenceFileIds: number[] }[] },
): Promise<AssignmentDto> {
  return db.transaction(async (tx) => {
    const a = await workableAssignment(tx, user, id, 'answer')
    if (a.version !== input.version) throw new AppError('CONFLICT', undefined, { current: { version: a.version } })
    if (a.status !== 'assigned') throw new AppError('INVALID_STATE')
    const itemIds = new Set((await templateItems(tx, a.templateId)).map((i) => i.id))
    const owned = await filesOwnedBy(tx, input.answers.flatMap((x) => x.evidenceFileIds), { assignmentId: id })
    const bad: Record<string, FieldError> = {}
    input.answers.forEach((x, n) => {
      if (!itemIds.has(x.itemId)) bad[`answers.${n}.itemId`] = 'notFound'
      x.evidenceFileIds.forEach((f, k) => { if (!owned.has(f)) bad[`answers.${n}.evidenceFileIds.${k}`] = 'notInInspection' })
    })
    if (Object.keys(bad).length) throw invalid(bad)
    for (const x of input.answers) {
      await tx.query(
        `INSERT INTO checklist_answer (assignment_id, item_id, answer, note, evidence_file_ids) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (assignment_id, item_id) DO UPDATE SET answer = excluded.answer, note = excluded.note, evidence_file_ids = excluded.evidence_file_ids`,
        [id, x.itemId, x.answer, x.note, [...new Set(x.evidenceFileIds)]],
      )
    }
    await tx.query('UPDATE checklist_assignment SET version = version + 1 WHERE id = $1', [id])
    await recordAudit(tx, actor, { action: 'saveAnswers', entity: 'checklistAssignment', entityId: id, unitId: a.unitId, after: { answers: input.answers.map((x) => ({ itemId: x.itemId, answer: x.answer })) } })
    return assignmentDetail(tx, user, (await findAssignment(tx, id))!, vnDay(actor.now))
  })
}

/**
 * The unit's head submits a round whose every item is answered. Each "no" becomes a shortcoming
 * finding of the unit (the item's words and the unit's note, its evidence) with a corrective action
 * due `correctWithinDays` later.
 */
export async function submitChecklist(db: Db, user: CurrentUser, actor: Actor, id: number, version: number): Promise<AssignmentDto> {
  return db.transaction(async (tx) => {
    const a = await workableAssignment(tx, user, id, 'submit')
    if (a.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: a.version } })
    if (a.status !== 'assigned') throw new AppError('INVALID_STATE')
    const items = await templateItems(tx, a.templateId)
    const answers = new Map((await answersOf(tx, id)).map((x) => [x.item_id, x]))
    const missing = items.filter((i) => !answers.has(i.id)).length
    if (missing) throw invalid({ answers: { key: 'unanswered', n: missing } })
    const today = vnDay(actor.now)
    const made: { itemId: number; findingId: number; correctiveActionId: number }[] = []
    for (const item of items.filter((i) => answers.get(i.id)!.answer === 'no')) {
      const x = answers.get(item.id)!
      const text = x.note.trim() ? `${item.text} — ${x.note.trim()}` : item.text
      const findingId = await insertFinding(tx, {
        inspectionId: null, assignmentId: id, unitId: a.unitId, requirementId: item.requirement_id, kind: 'shortcoming', text, evidenceFileIds: x.evidence_file_ids, caseId: null,
        by: actor.id, now: actor.now,
      })
      const correctiveActionId = await insertCorrective(tx, {
        inspectionId: null, assignmentId: id, findingId, unitId: a.unitId, requirementId: item.requirement_id, title: `Khắc phục: ${item.text}`.slice(0, 2000),
        dueDate: addDays(today, a.correctWithinDays), now: actor.now,
      })
      await tx.query('UPDATE checklist_answer SET finding_id = $3 WHERE assignment_id = $1 AND item_id = $2', [id, item.id, findingId])
      made.push({ itemId: item.id, findingId, correctiveActionId })
    }
    await tx.query(`UPDATE checklist_assignment SET status = 'submitted', submitted_at = $2, submitted_by = $3, version = version + 1 WHERE id = $1`, [id, actor.now, actor.id])
    await recordAudit(tx, actor, { action: 'submit', entity: 'checklistAssignment', entityId: id, unitId: a.unitId, after: { answers: answers.size, findings: made } })
    return assignmentDetail(tx, user, (await findAssignment(tx, id))!, today)
  })
}
