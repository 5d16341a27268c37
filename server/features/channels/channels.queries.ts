// The SQL of the channels register and its reviews.
import type { CHANNEL_KINDS, CHANNEL_STATUSES, ChannelReviewDto, RECOVERY_CONTACT_KINDS, ReviewStatus } from '../../../contract/channels.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { accountName } from '../accounts/account-name.ts'

export interface RecoveryContact {
  kind: (typeof RECOVERY_CONTACT_KINDS)[number]
  value: string
  note: string
}

export interface ChannelRow {
  id: number
  unitId: number
  unitPath: string
  unitName: string
  kind: (typeof CHANNEL_KINDS)[number]
  name: string
  address: string
  purpose: string
  responsiblePersonId: number
  responsibleName: string
  responsiblePosition: string
  recoveryContacts: RecoveryContact[]
  reviewCycleMonths: number | null
  lastReviewedOn: string | null
  registeredOn: string
  status: (typeof CHANNEL_STATUSES)[number]
  retiredOn: string | null
  retiredReason: string | null
  adminCount: number
  twoFactor: boolean
  version: number
}

interface ChannelRecord {
  id: number; unit_id: number; unit_path: string; unit_name: string; kind: ChannelRow['kind']; name: string; address: string; purpose: string
  responsible_person_id: number; responsible_name: string; responsible_position: string; recovery_contacts: RecoveryContact[]; review_cycle_months: number | null
  last_reviewed_on: string | null; registered_on: string; status: ChannelRow['status']; retired_on: string | null; retired_reason: string | null
  admin_count: number; two_factor: boolean; version: number
}

const COLUMNS = `c.id, c.unit_id, u.path::text AS unit_path, u.name AS unit_name, c.kind, c.name, c.address, c.purpose, c.responsible_person_id,
  rp.full_name AS responsible_name, rp.position AS responsible_position, c.recovery_contacts, c.review_cycle_months, c.last_reviewed_on, c.registered_on,
  c.status, c.retired_on, c.retired_reason, ad.admin_count, ad.two_factor, c.version`
/** Every administrator with a second factor, and at least one administrator: the channel's `twoFactor`. */
const ADMINS = `LEFT JOIN LATERAL (SELECT count(*)::int AS admin_count, coalesce(bool_and(a.has_two_factor), false) AS two_factor
  FROM channel_admin a WHERE a.channel_id = c.id) ad ON true`
const FROM = `channel c JOIN unit u ON u.id = c.unit_id JOIN person rp ON rp.id = c.responsible_person_id ${ADMINS}`

const toChannel = (r: ChannelRecord): ChannelRow => ({
  id: r.id, unitId: r.unit_id, unitPath: r.unit_path, unitName: r.unit_name, kind: r.kind, name: r.name, address: r.address, purpose: r.purpose,
  responsiblePersonId: r.responsible_person_id, responsibleName: r.responsible_name, responsiblePosition: r.responsible_position, recoveryContacts: r.recovery_contacts,
  reviewCycleMonths: r.review_cycle_months, lastReviewedOn: r.last_reviewed_on, registeredOn: r.registered_on, status: r.status, retiredOn: r.retired_on,
  retiredReason: r.retired_reason, adminCount: r.admin_count, twoFactor: r.two_factor, version: r.version,
})

/**
 * The next review's due date in SQL: the rule of channels.policy.ts nextReviewDue (PostgreSQL's
 * month arithmetic clamps to the month's end as addMonths does). $M: default months, $F: first-review days.
 */
const nextReviewDue = (m: string, f: string) =>
  `(CASE WHEN c.last_reviewed_on IS NOT NULL THEN (c.last_reviewed_on + make_interval(months => coalesce(c.review_cycle_months, ${m}::int)))::date
        ELSE c.registered_on + ${f}::int END)`

export async function findChannel(db: Queryable, id: number, forUpdate = false): Promise<ChannelRow | null> {
  // The lateral count cannot be locked: lock the channel row alone first.
  if (forUpdate) await db.query('SELECT 1 FROM channel WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<ChannelRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id])
  return r ? toChannel(r) : null
}

export interface ChannelFilter {
  underPath?: string
  kind?: string
  reviewStatus?: ReviewStatus
  twoFactor?: boolean
  status: 'active' | 'retired'
  q?: string
  today: string
  defaultMonths: number
  firstReviewDays: number
  soonDays: number
  limit?: number
  offset?: number
}

/** Channels of units under `scopes` (and `underPath`), in unit tree order then name; with the count of every match. */
export async function listChannelRows(db: Queryable, scopes: string[], f: ChannelFilter): Promise<{ rows: ChannelRow[]; total: number }> {
  if (!scopes.length) return { rows: [], total: 0 }
  const params: unknown[] = [arrayLiteral(scopes)]
  const where = ['u.path <@ ANY($1::ltree[])']
  if (f.underPath) where.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  if (f.kind) where.push(`c.kind = $${params.push(f.kind)}`)
  const status = f.reviewStatus === 'retired' ? 'retired' : f.reviewStatus ? 'active' : f.status
  where.push(`c.status = $${params.push(status)}`)
  if (f.reviewStatus && f.reviewStatus !== 'retired') {
    const due = nextReviewDue(`$${params.push(f.defaultMonths)}`, `$${params.push(f.firstReviewDays)}`)
    const today = `$${params.push(f.today)}::date`
    // As reviewStatusOn: overdue after the due day; due soon from `soonDays` before it; current before that.
    if (f.reviewStatus === 'overdue') where.push(`${due} < ${today}`)
    else {
      const soon = `(${today} + $${params.push(f.soonDays)}::int)`
      where.push(f.reviewStatus === 'due_soon' ? `${due} >= ${today} AND ${due} <= ${soon}` : `${due} > ${soon}`)
    }
  }
  if (f.twoFactor !== undefined) where.push(`ad.two_factor = $${params.push(f.twoFactor)}`)
  if (f.q) where.push(`c.name_search LIKE '%' || lower(f_unaccent($${params.push(f.q)})) || '%'`)
  const w = where.join(' AND ')
  // The count and the page's order need only the channel and its unit (and the administrators when
  // filtered by them); the page's 100 rows are then joined to the rest. Sorting every wide row of the
  // whole ministry (~14,000 at 5,000 units) to keep 100 went to disk: 150 ms, against a few ms.
  const narrow = `channel c JOIN unit u ON u.id = c.unit_id${f.twoFactor !== undefined ? ` ${ADMINS}` : ''}`
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${narrow} WHERE ${w}`, params)
  const page = f.limit !== undefined ? ` LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset ?? 0)}` : ''
  const rows = await db.query<ChannelRecord>(
    `SELECT ${COLUMNS} FROM (SELECT c.id, u.path, lower(c.name) AS lname FROM ${narrow} WHERE ${w} ORDER BY u.path, lower(c.name), c.id${page}) pg
     JOIN channel c ON c.id = pg.id JOIN unit u ON u.id = c.unit_id JOIN person rp ON rp.id = c.responsible_person_id ${ADMINS}
     ORDER BY pg.path, pg.lname, c.id`,
    params,
  )
  return { rows: rows.map(toChannel), total }
}

export async function channelAdmins(db: Queryable, channelId: number) {
  const rows = await db.query<{ person_id: number; full_name: string; position: string; unit_id: number; is_active: boolean; has_two_factor: boolean }>(
    `SELECT a.person_id, p.full_name, p.position, p.unit_id, p.is_active, a.has_two_factor
     FROM channel_admin a JOIN person p ON p.id = a.person_id WHERE a.channel_id = $1 ORDER BY p.sort_key COLLATE "C", p.id`,
    [channelId],
  )
  return rows.map((r) => ({ personId: r.person_id, fullName: r.full_name, position: r.position, unitId: r.unit_id, isActive: r.is_active, hasTwoFactor: r.has_two_factor }))
}

export async function channelReviews(db: Queryable, channelId: number): Promise<ChannelReviewDto[]> {
  const rows = await db.query<{
    id: number; reviewed_on: string; admins_still_needed: boolean; two_factor_on: boolean; recovery_contacts_current: boolean; posting_rules_followed: boolean
    no_look_alikes: boolean; findings: string; follow_up: { action: string; dueDate: string | null }[]; reviewed_by: string | null
  }>(
    `SELECT r.id, r.reviewed_on, r.admins_still_needed, r.two_factor_on, r.recovery_contacts_current, r.posting_rules_followed, r.no_look_alikes,
       r.findings, r.follow_up, ${accountName('a')} AS reviewed_by
     FROM channel_review r LEFT JOIN account a ON a.id = r.reviewed_by WHERE r.channel_id = $1 ORDER BY r.reviewed_on DESC, r.id DESC`,
    [channelId],
  )
  return rows.map((r) => {
    const checks = {
      adminsStillNeeded: r.admins_still_needed, twoFactorOn: r.two_factor_on, recoveryContactsCurrent: r.recovery_contacts_current,
      postingRulesFollowed: r.posting_rules_followed, noLookAlikes: r.no_look_alikes,
    }
    return { id: r.id, reviewedOn: r.reviewed_on, checks, isPassed: Object.values(checks).every(Boolean), findings: r.findings, followUpActions: r.follow_up, reviewedBy: r.reviewed_by }
  })
}

/** Another live registration of the same channel, if any. */
export async function sameAddress(db: Queryable, kind: string, addressKey: string, exceptId: number | null): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM channel WHERE kind = $1 AND address_key = $2 AND status = 'active' AND id IS DISTINCT FROM $3`, [kind, addressKey, exceptId])
  return rows.length > 0
}

export interface ChannelWrite {
  name: string
  address: string
  addressKey: string
  purpose: string
  responsiblePersonId: number
  recoveryContacts: RecoveryContact[]
  reviewCycleMonths: number | null
}

export async function insertChannel(
  db: Queryable,
  c: ChannelWrite & { unitId: number; kind: string; lastReviewedOn: string | null; registeredOn: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO channel (unit_id, kind, name, address, address_key, purpose, responsible_person_id, recovery_contacts, review_cycle_months, last_reviewed_on, registered_on, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13) RETURNING id`,
    [c.unitId, c.kind, c.name, c.address, c.addressKey, c.purpose, c.responsiblePersonId, JSON.stringify(c.recoveryContacts), c.reviewCycleMonths, c.lastReviewedOn, c.registeredOn, c.createdBy, c.now],
  )
  return id
}

export async function updateChannelRow(db: Queryable, id: number, c: ChannelWrite, now: Date) {
  await db.query(
    `UPDATE channel SET name = $2, address = $3, address_key = $4, purpose = $5, responsible_person_id = $6, recovery_contacts = $7, review_cycle_months = $8,
       version = version + 1, updated_at = $9 WHERE id = $1`,
    [id, c.name, c.address, c.addressKey, c.purpose, c.responsiblePersonId, JSON.stringify(c.recoveryContacts), c.reviewCycleMonths, now],
  )
}

export async function replaceAdmins(db: Queryable, channelId: number, admins: { personId: number; hasTwoFactor: boolean }[]) {
  await db.query('DELETE FROM channel_admin WHERE channel_id = $1', [channelId])
  for (const a of admins) await db.query('INSERT INTO channel_admin (channel_id, person_id, has_two_factor) VALUES ($1, $2, $3)', [channelId, a.personId, a.hasTwoFactor])
}

export async function retireChannelRow(db: Queryable, id: number, day: string, reason: string, now: Date) {
  await db.query(`UPDATE channel SET status = 'retired', retired_on = $2, retired_reason = $3, version = version + 1, updated_at = $4 WHERE id = $1`, [id, day, reason, now])
}

export async function insertReview(
  db: Queryable,
  r: { channelId: number; reviewedOn: string; checks: Record<string, boolean>; findings: string; followUp: { action: string; dueDate: string | null }[]; reviewedBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO channel_review (channel_id, reviewed_on, admins_still_needed, two_factor_on, recovery_contacts_current, posting_rules_followed, no_look_alikes, findings, follow_up, reviewed_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
    [
      r.channelId, r.reviewedOn, r.checks.adminsStillNeeded, r.checks.twoFactorOn, r.checks.recoveryContactsCurrent, r.checks.postingRulesFollowed, r.checks.noLookAlikes,
      r.findings, JSON.stringify(r.followUp), r.reviewedBy, r.now,
    ],
  )
  // The last review is the latest by date: a review entered late for an earlier day does not move it back.
  await db.query('UPDATE channel SET last_reviewed_on = GREATEST(last_reviewed_on, $2::date), version = version + 1, updated_at = $3 WHERE id = $1', [r.channelId, r.reviewedOn, r.now])
  return id
}

export interface ChannelCountRow {
  path: string
  total: number
  reviewOverdue: number
  reviewDueSoon: number
  neverReviewed: number
  twoFactorMissing: number
}

/**
 * Active channels counted per subtree of each of `paths` (or, with `ownOnly`, per unit itself),
 * within `scopes`: the board view's channel columns.
 */
export async function countChannels(
  db: Queryable, scopes: string[], paths: string[], opts: { ownOnly: boolean; today: string; defaultMonths: number; firstReviewDays: number; soonDays: number },
): Promise<Map<string, ChannelCountRow>> {
  if (!paths.length || !scopes.length) return new Map()
  const due = nextReviewDue('$5', '$6')
  const rows = await db.query<{ path: string; total: number; review_overdue: number; review_due_soon: number; never_reviewed: number; two_factor_missing: number }>(
    `SELECT r.path::text AS path, count(c.id)::int AS total,
       count(c.id) FILTER (WHERE ${due} < $3::date)::int AS review_overdue,
       count(c.id) FILTER (WHERE ${due} >= $3::date AND ${due} <= $3::date + $4::int)::int AS review_due_soon,
       count(c.id) FILTER (WHERE c.last_reviewed_on IS NULL)::int AS never_reviewed,
       count(c.id) FILTER (WHERE NOT ad.two_factor)::int AS two_factor_missing
     FROM unnest($2::ltree[]) AS r(path)
     LEFT JOIN unit u ON ${opts.ownOnly ? 'u.path = r.path' : 'u.path <@ r.path'} AND u.path <@ ANY($1::ltree[])
     LEFT JOIN channel c ON c.unit_id = u.id AND c.status = 'active'
     ${ADMINS}
     GROUP BY r.path`,
    [arrayLiteral(scopes), arrayLiteral(paths), opts.today, opts.soonDays, opts.defaultMonths, opts.firstReviewDays],
  )
  return new Map(rows.map((r) => [r.path, { path: r.path, total: r.total, reviewOverdue: r.review_overdue, reviewDueSoon: r.review_due_soon, neverReviewed: r.never_reviewed, twoFactorMissing: r.two_factor_missing }]))
}

/**
 * Active channels whose next review is due on or before `latest` (a reminder may be due for them),
 * with the stages already sent for that due date: the job skips those without asking again.
 */
export async function channelsNearDue(db: Queryable, latest: string, defaultMonths: number, firstReviewDays: number) {
  const due = nextReviewDue('$2', '$3')
  return db.query<{ id: number; name: string; address: string; unit_id: number; unit_name: string; due_on: string; responsible_person_id: number; sent: string[] }>(
    `SELECT c.id, c.name, c.address, c.unit_id, u.name AS unit_name, ${due}::text AS due_on, c.responsible_person_id,
       ARRAY(SELECT r.stage FROM channel_review_reminder r WHERE r.channel_id = c.id AND r.due_on = ${due}) AS sent
     FROM channel c JOIN unit u ON u.id = c.unit_id WHERE c.status = 'active' AND ${due} <= $1::date ORDER BY c.id`,
    [latest, defaultMonths, firstReviewDays],
  )
}

/**
 * For each channel, the active accounts that hold `roles` on its unit itself, and the account of its
 * responsible person, with their e-mail, in account order: whom its review reminder goes to.
 */
export async function reminderRecipients(db: Queryable, channels: { id: number; unitId: number; personId: number }[], roles: readonly string[]) {
  const byChannel = new Map<number, { account_id: number; email: string | null }[]>(channels.map((c) => [c.id, []]))
  if (!channels.length) return byChannel
  const rows = await db.query<{ channel_id: number; account_id: number; email: string | null }>(
    `SELECT DISTINCT k.channel_id, a.id AS account_id, pe.email
     FROM unnest($1::int[], $2::int[], $3::int[]) AS k(channel_id, unit_id, person_id)
     JOIN LATERAL (SELECT x.id FROM account x WHERE x.person_id = k.person_id
                   UNION SELECT g.account_id FROM role_grant g WHERE g.unit_id = k.unit_id AND g.role = ANY($4::text[])) r ON true
     JOIN account a ON a.id = r.id AND a.is_active LEFT JOIN person pe ON pe.id = a.person_id
     ORDER BY k.channel_id, a.id`,
    [channels.map((c) => c.id), channels.map((c) => c.unitId), channels.map((c) => c.personId), arrayLiteral(roles)],
  )
  for (const r of rows) byChannel.get(r.channel_id)!.push({ account_id: r.account_id, email: r.email })
  return byChannel
}

/**
 * Claims reminder stages in one statement; returns the channels whose stage this call claimed (the
 * others were sent already, by an earlier run or a run in another process).
 */
export async function claimReminders(db: Queryable, rs: { channelId: number; dueOn: string; stage: string; recipients: number; emails: number }[], now: Date): Promise<Set<number>> {
  if (!rs.length) return new Set()
  const rows = await db.query<{ channel_id: number }>(
    `INSERT INTO channel_review_reminder (channel_id, due_on, stage, sent_at, recipients, emails)
     SELECT k.channel_id, k.due_on, k.stage, $6, k.recipients, k.emails FROM unnest($1::int[], $2::date[], $3::text[], $4::int[], $5::int[]) AS k(channel_id, due_on, stage, recipients, emails)
     ON CONFLICT DO NOTHING RETURNING channel_id`,
    [rs.map((r) => r.channelId), rs.map((r) => r.dueOn), rs.map((r) => r.stage), rs.map((r) => r.recipients), rs.map((r) => r.emails), now],
  )
  return new Set(rows.map((r) => r.channel_id))
}
