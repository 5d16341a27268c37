// Builders shared by demo data and tests: the shortest way to a valid row.
import type { Role } from '../../../contract/roles.ts'
import type { UnitKind } from '../../../contract/units.ts'
import type { PersonCategory } from '../../../contract/people.ts'
import { vnNameSortKey, vnSortKey } from '../../../contract/vietnamese.ts'
import { addressKey, type ChannelKind } from '../../../contract/channels.ts'
import { hashPassword } from '../../features/auth/password.ts'
import { loadAccountUser } from '../../features/auth/sessions.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import type { Queryable } from '../types.ts'

let counter = 0
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export interface SeededUnit {
  id: number
  path: string
  code: string
  name: string
}

export async function seedUnit(db: Queryable, o: { parent?: SeededUnit | null; code?: string; name?: string; kind?: UnitKind } = {}): Promise<SeededUnit> {
  const [{ id }] = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('unit', 'id'))::int AS id`)
  const code = o.code ?? `U${uniq()}`
  const name = o.name ?? `Đơn vị ${code}`
  const path = o.parent ? `${o.parent.path}.${id}` : String(id)
  await db.query(`INSERT INTO unit (id, parent_id, path, code, name, kind, sort_key) VALUES ($1,$2,$3::ltree,$4,$5,$6,$7)`, [
    id, o.parent?.id ?? null, path, code, name, o.kind ?? (o.parent ? 'hospital' : 'ministry'), vnSortKey(name),
  ])
  return { id, path, code, name }
}

export async function seedPerson(
  db: Queryable,
  o: { unitId: number; fullName?: string; position?: string; category?: PersonCategory; isPartyMember?: boolean; isActive?: boolean },
): Promise<{ id: number; fullName: string }> {
  const fullName = o.fullName ?? `Nguyễn Văn ${uniq()}`
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO person (unit_id, full_name, position, category, is_party_member, is_active, sort_key) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [o.unitId, fullName, o.position ?? 'Chuyên viên', o.category ?? 'publicEmployee', o.isPartyMember ?? false, o.isActive ?? true, vnNameSortKey(fullName)],
  )
  return { id, fullName }
}

const hashCache = new Map<string, Promise<string>>()

export async function seedAccount(
  db: Queryable,
  o: { username: string; password: string; personId?: number | null; roles?: { role: Role; unitId: number }[]; passwordHash?: string },
): Promise<{ id: number; username: string }> {
  if (!hashCache.has(o.password)) hashCache.set(o.password, hashPassword(o.password))
  const hash = o.passwordHash ?? (await hashCache.get(o.password)!)
  const [{ id }] = await db.query<{ id: number }>(`INSERT INTO account (username, person_id, password_hash) VALUES ($1,$2,$3) RETURNING id`, [
    o.username, o.personId ?? null, hash,
  ])
  for (const r of o.roles ?? []) await db.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3)', [id, r.role, r.unitId])
  return { id, username: o.username }
}

export interface SeededDirective {
  id: number
  requirementIds: number[]
}

/** An issued directive with `requirements` top-level requirements, addressed to `unitIds`. */
export async function seedDirective(
  db: Queryable,
  o: { ownerUnitId: number; unitIds: number[]; requirements?: number; subject?: string; number?: string; status?: string; ackDueDate?: string; planDueDate?: string },
): Promise<SeededDirective> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO directive (owner_unit_id, number, document_type, date, subject, status, issued_at)
     VALUES ($1, $2, 'CV', '2024-03-15', $3, $4, CASE WHEN $4 = 'draft' THEN NULL ELSE now() END) RETURNING id`,
    [o.ownerUnitId, o.number ?? `${Math.floor(Math.random() * 9000) + 1000}-CV/BCSD`, o.subject ?? 'Tăng cường công tác bảo vệ chính trị nội bộ', o.status ?? 'issued'],
  )
  const requirementIds: number[] = []
  for (let i = 1; i <= (o.requirements ?? 3); i++) {
    const [r] = await db.query<{ id: number }>(`INSERT INTO requirement (directive_id, ordinal, label, text) VALUES ($1, $2, $3, $4) RETURNING id`, [id, i, `${i}.`, `Nội dung yêu cầu số ${i}`])
    requirementIds.push(r.id)
  }
  for (const unitId of o.unitIds) {
    await db.query(`INSERT INTO directive_addressee (directive_id, unit_id, ack_due_date, plan_due_date) VALUES ($1, $2, $3, $4)`, [
      id, unitId, o.ackDueDate ?? '2026-03-25', o.planDueDate ?? '2026-04-15',
    ])
  }
  return { id, requirementIds }
}

/**
 * An account as the routes see it once signed in, for calling services directly (demo data, the
 * benchmark's direct timings): its person and grants, with a placeholder session.
 */
export async function userFor(db: Queryable, accountId: number): Promise<CurrentUser> {
  const u = await loadAccountUser(db, accountId)
  if (!u) throw new Error(`no account ${accountId}`)
  return { ...u, sessionId: 'direct', csrfToken: 'direct', isMfaPending: false }
}

/**
 * An official channel of a unit (issue 14), straight into the register: `address` must be unique
 * per kind among active channels. Admins are people of the unit, never their credentials.
 */
export async function seedChannel(
  db: Queryable,
  o: {
    unitId: number; responsiblePersonId: number; kind?: ChannelKind; name?: string; address?: string; purpose?: string; registeredOn?: string; lastReviewedOn?: string | null
    reviewCycleMonths?: number | null; status?: 'active' | 'retired'; admins?: { personId: number; hasTwoFactor: boolean }[]; recoveryContacts?: { kind: string; value: string; note: string }[]
  },
): Promise<{ id: number; address: string }> {
  const address = o.address ?? `https://kenh-${uniq()}.benhvien.vn`
  const kind = o.kind ?? 'website'
  const retired = o.status === 'retired'
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO channel (unit_id, kind, name, address, address_key, purpose, responsible_person_id, recovery_contacts, review_cycle_months, last_reviewed_on, registered_on, status, retired_on)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [
      o.unitId, kind, o.name ?? `Cổng thông tin ${uniq()}`, address, addressKey(kind, address), o.purpose ?? 'Thông tin chính thức của đơn vị', o.responsiblePersonId,
      JSON.stringify(o.recoveryContacts ?? []), o.reviewCycleMonths ?? null, o.lastReviewedOn ?? null, o.registeredOn ?? '2026-01-05', retired ? 'retired' : 'active',
      retired ? (o.registeredOn ?? '2026-01-05') : null,
    ],
  )
  for (const a of o.admins ?? []) await db.query('INSERT INTO channel_admin (channel_id, person_id, has_two_factor) VALUES ($1, $2, $3)', [id, a.personId, a.hasTwoFactor])
  return { id, address }
}

/**
 * A cybersecurity incident (issue 14) with its reports (to a recipient key, at an instant) and, if
 * `closedAt` is given, closed with its lessons.
 */
export async function seedIncident(
  db: Queryable,
  o: {
    unitId: number; detectedAt: Date | string; kind?: string; channelId?: number | null; system?: string; summary?: string
    reports?: { recipient?: string; reportedAt: Date | string }[]; steps?: { takenAt: Date | string; action?: string }[]; closedAt?: Date | string | null; lessons?: string
  },
): Promise<{ id: number }> {
  const closed = o.closedAt != null
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO security_incident (unit_id, kind, channel_id, system, summary, detected_at, status, closed_at, lessons) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [
      o.unitId, o.kind ?? 'impersonation', o.channelId ?? null, o.channelId ? (o.system ?? '') : (o.system ?? 'Hệ thống thông tin của đơn vị'),
      o.summary ?? 'Phát hiện trang giả mạo đơn vị', new Date(o.detectedAt), closed ? 'closed' : 'open', closed ? new Date(o.closedAt!) : null,
      closed ? (o.lessons ?? 'Rà soát định kỳ các trang mang tên đơn vị') : null,
    ],
  )
  for (const r of o.reports ?? []) await db.query('INSERT INTO security_incident_report (incident_id, recipient, reported_at) VALUES ($1, $2, $3)', [id, r.recipient ?? 'board', new Date(r.reportedAt)])
  for (const s of o.steps ?? []) await db.query('INSERT INTO security_incident_step (incident_id, taken_at, action) VALUES ($1, $2, $3)', [id, new Date(s.takenAt), s.action ?? 'Báo cáo nền tảng gỡ trang giả mạo'])
  return { id }
}

// ---- inspections, corrective actions, self-inspection checklists (issue 11): rows straight in, for
// tests, demo data and the scale generator. The services (server/features/inspections) check and
// audit; these only make valid rows.

let inspectionSeq = 0

/** An annual plan with items (each naming units), approved unless said otherwise. */
export async function seedInspectionPlan(
  db: Queryable,
  o: { ownerUnitId: number; year?: number; title?: string; status?: 'draft' | 'submitted' | 'approved'; items?: { unitIds: number[]; title?: string; leadAccountId?: number | null; plannedQuarter?: number }[] },
): Promise<{ id: number; itemIds: number[] }> {
  const year = o.year ?? 2026
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO inspection_plan (owner_unit_id, year, title, status, approved_at) VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'approved' THEN now() END) RETURNING id`,
    [o.ownerUnitId, year, o.title ?? `Kế hoạch kiểm tra, giám sát năm ${year}`, o.status ?? 'approved'],
  )
  const itemIds: number[] = []
  for (const [i, it] of (o.items ?? []).entries()) {
    const [{ id: itemId }] = await db.query<{ id: number }>(
      `INSERT INTO inspection_plan_item (plan_id, ordinal, title, kind, mode, method, planned_quarter, lead_account_id) VALUES ($1, $2, $3, 'inspection', 'thematic', 'direct', $4, $5) RETURNING id`,
      [id, i + 1, it.title ?? `Kiểm tra việc thực hiện công tác bảo vệ chính trị nội bộ (${i + 1})`, it.plannedQuarter ?? null, it.leadAccountId ?? null],
    )
    for (const unitId of it.unitIds) await db.query('INSERT INTO inspection_plan_item_unit (item_id, unit_id) VALUES ($1, $2)', [itemId, unitId])
    itemIds.push(itemId)
  }
  return { id, itemIds }
}

/** An inspection (60-day central time limit by default) with its subject units and team. */
export async function seedInspection(
  db: Queryable,
  o: {
    ownerUnitId: number; unitIds: number[]; team?: { accountId: number; role?: 'lead' | 'member' }[]; title?: string; kind?: 'inspection' | 'supervision'
    phase?: 'preparation' | 'conduct' | 'closing' | 'concluded'; decisionDate?: string; startDate?: string; deadline?: string; concludedOn?: string | null
    directiveIds?: number[]; planItemId?: number | null; number?: string
  },
): Promise<{ id: number; number: string }> {
  const n = ++inspectionSeq
  const start = o.startDate ?? o.decisionDate ?? '2026-03-01'
  const deadline = o.deadline ?? new Date(Date.parse(start + 'T00:00:00Z') + 59 * 86_400_000).toISOString().slice(0, 10)
  const phase = o.phase ?? 'conduct'
  const number = o.number ?? `KT-${start.slice(0, 4)}-S${uniq()}`
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO inspection (number, year, owner_unit_id, plan_item_id, title, directive_ids, kind, mode, method, level, decision_number, decision_date, period_from, period_to,
       start_date, duration_days, original_deadline, deadline, phase, conduct_on, closing_on, concluded_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'thematic', 'direct', 'central', $8, $9, '2021-01-01', '2025-12-31', $10, 60, $11, $11, $12,
       CASE WHEN $12 <> 'preparation' THEN $10::date END, CASE WHEN $12 IN ('closing', 'concluded') THEN $10::date END, $13) RETURNING id`,
    [
      number, Number(start.slice(0, 4)), o.ownerUnitId, o.planItemId ?? null, o.title ?? `Kiểm tra công tác bảo vệ chính trị nội bộ số ${n}`, o.directiveIds ?? [], o.kind ?? 'inspection',
      `${n}-QĐ/SEED${uniq()}`, o.decisionDate ?? start, start, deadline, phase, phase === 'concluded' ? (o.concludedOn ?? deadline) : null,
    ],
  )
  for (const unitId of o.unitIds) await db.query('INSERT INTO inspection_unit (inspection_id, unit_id) VALUES ($1, $2)', [id, unitId])
  for (const [i, m] of (o.team ?? []).entries()) {
    await db.query('INSERT INTO inspection_member (inspection_id, account_id, role) VALUES ($1, $2, $3)', [id, m.accountId, m.role ?? (i === 0 ? 'lead' : 'member')])
  }
  return { id, number }
}

/** A finding of an inspection (or, with assignmentId, of a checklist round) about a unit. */
export async function seedFinding(
  db: Queryable,
  o: { inspectionId?: number | null; assignmentId?: number | null; unitId: number; kind?: 'strength' | 'shortcoming' | 'violation'; text?: string; requirementId?: number | null; resolvedOn?: string | null },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO inspection_finding (inspection_id, assignment_id, unit_id, kind, text, requirement_id, resolved_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [o.inspectionId ?? null, o.assignmentId ?? null, o.unitId, o.kind ?? 'shortcoming', o.text ?? 'Chưa ban hành quy chế bảo vệ bí mật nhà nước của đơn vị', o.requirementId ?? null, o.resolvedOn ?? null],
  )
  return id
}

/**
 * A corrective action in any state; a closed one needs its verifier (`verifiedBy`), as the
 * database requires of every closed action.
 */
export async function seedCorrectiveAction(
  db: Queryable,
  o: {
    inspectionId?: number | null; assignmentId?: number | null; findingId?: number | null; unitId: number; title?: string; dueDate: string; effectiveDueDate?: string
    status?: 'open' | 'reported' | 'returned' | 'closed'; completedOn?: string | null; closedOn?: string | null; verifiedBy?: number | null; requirementId?: number | null
  },
): Promise<number> {
  const status = o.status ?? 'open'
  const completedOn = status === 'reported' || status === 'closed' ? (o.completedOn ?? o.dueDate) : null
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO corrective_action (inspection_id, assignment_id, finding_id, unit_id, requirement_id, title, due_date, effective_due_date, status, completed_on,
       reported_at, verified_by, verified_at, closed_on, return_comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::date IS NOT NULL THEN now() END, $11, CASE WHEN $9 = 'closed' THEN now() END, $12,
       CASE WHEN $9 = 'returned' THEN 'Minh chứng chưa đầy đủ' END) RETURNING id`,
    [
      o.inspectionId ?? null, o.assignmentId ?? null, o.findingId ?? null, o.unitId, o.requirementId ?? null, o.title ?? 'Ban hành quy chế bảo vệ bí mật nhà nước',
      o.dueDate, o.effectiveDueDate ?? o.dueDate, status, completedOn, status === 'closed' ? o.verifiedBy ?? null : null, status === 'closed' ? (o.closedOn ?? completedOn) : null,
    ],
  )
  return id
}

/** A checklist template with `items` yes/no items. */
export async function seedChecklistTemplate(db: Queryable, o: { ownerUnitId: number; title?: string; items?: number }): Promise<{ id: number; itemIds: number[] }> {
  const [{ id }] = await db.query<{ id: number }>('INSERT INTO checklist_template (owner_unit_id, title) VALUES ($1, $2) RETURNING id', [o.ownerUnitId, o.title ?? 'Tự kiểm tra công tác bảo vệ bí mật nhà nước'])
  const itemIds: number[] = []
  for (let i = 1; i <= (o.items ?? 3); i++) {
    const [r] = await db.query<{ id: number }>(`INSERT INTO checklist_template_item (template_id, ordinal, area, text) VALUES ($1, $2, 'stateSecrets', $3) RETURNING id`, [id, i, `Nội dung tự kiểm tra số ${i}`])
    itemIds.push(r.id)
  }
  return { id, itemIds }
}

export async function seedChecklistAssignment(db: Queryable, o: { templateId: number; unitId: number; dueDate?: string; title?: string }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    'INSERT INTO checklist_assignment (template_id, unit_id, title, due_date, correct_within_days) VALUES ($1, $2, $3, $4, 30) RETURNING id',
    [o.templateId, o.unitId, o.title ?? 'Tự kiểm tra 6 tháng đầu năm 2026', o.dueDate ?? '2026-04-30'],
  )
  return id
}
