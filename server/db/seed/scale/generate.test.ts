import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../../../../test/db.ts'
import { verifyAuditChain } from '../../../features/audit/audit.verify.ts'
import type { Db } from '../../types.ts'
import { DatabaseNotEmptyError, generateScale, recordedScale } from './generate.ts'
import { defaultScale } from './options.ts'
import { aggregateRows, rowsById } from '../../../features/dashboard/matrix.queries.ts'
import { rollupRows, rollupState } from '../../../features/dashboard/matrix.rollup.ts'
import { directiveProgress, progressFromRollups, progressScanned } from '../../../features/directives/directives.queries.ts'
import { boardSections } from '../../../features/home/work.queries.ts'
import { listOverdue } from '../../../features/notifications/overdue.queries.ts'
import { HOME_SECTION_ITEMS } from '../../../../contract/home.ts'
import { caseOnList } from '../../../features/cases/cases.access.ts'
import { caseDetail, listCases } from '../../../features/cases/cases.service.ts'
import { REVIEW_STEPS, VIOLATION_STEPS } from '../../../../contract/cases.ts'
import { standardsStanding } from '../../../features/cases/standards.service.ts'
import { blindRef } from '../../../features/keys/keys.service.ts'
import { openKeyring } from '../../../lib/keyring.ts'
import { userFor } from '../builders.ts'
import { TIMELINESS } from '../../../../contract/timeliness.ts'
import { ALERT_STATUSES } from '../../../../contract/positions.ts'
import { readConfig } from '../../../config.ts'
import { listCorrectiveActions } from '../../../features/inspections/corrective-actions.service.ts'
import { readPlan } from '../../../features/inspections/inspection-plans.service.ts'
import { readInspection } from '../../../features/inspections/inspections.service.ts'
import { unitReadiness } from '../../../features/positions/readiness.service.ts'
import { liveReadiness } from '../../../features/positions/readiness.queries.ts'
import { holdingsToCheck } from '../../../features/positions/positions.queries.ts'
import { runVettingJob } from '../../../features/positions/vetting.service.ts'
import { channelDepsOf, findChannels } from '../../../features/channels/channels.service.ts'
import { findIncidents } from '../../../features/incidents/incidents.service.ts'
import { DEFAULT_INSPECTION_RULES } from '../../../../contract/inspections.ts'
import { READINESS_THRESHOLDS } from './positions.ts'

const keyring = (phrase: string) => openKeyring({ masterKey: createHash('sha256').update(phrase).digest('base64'), masterKeyNext: null, masterKeyFile: null }, { createIfMissing: false })
const KEYS = keyring('scale test')
/** The steps a generated case takes after opening, in order (no appeal). */
const PATH: Record<string, readonly string[]> = { standards_review: REVIEW_STEPS.slice(1), violation: VIOLATION_STEPS.filter((s) => s !== 'opened' && s !== 'appeal') }
const SCALE = defaultScale({ units: 80, peoplePerUnit: 6, directives: 3, requirementsMin: 5, requirementsMax: 7, auditEntries: 200, seed: 7, asOf: '2026-06-15', password: 'Scale-test-1' })

/** A digest of the generated rows that the seed decides (not ids of sequences, hashes or now()). */
async function fingerprint(db: Db) {
  const h = createHash('sha256')
  const tables = [
    'SELECT id, parent_id, path::text, code, name, kind, sort_key FROM unit ORDER BY id',
    'SELECT id, unit_id, full_name, position, category, is_party_member, is_active FROM person ORDER BY id',
    'SELECT directive_id, unit_id, ack_due_date, acknowledged_at FROM directive_addressee ORDER BY 1, 2',
    'SELECT id, plan_id, requirement_id, owner_person_id, due_date, effective_due_date, status, completed_on FROM plan_action ORDER BY id',
    'SELECT session_id, person_id FROM session_attendance ORDER BY 1, 2',
    'SELECT id, hash FROM audit_log ORDER BY id',
    'SELECT id, number, kind, status, step, requesting_unit_id, purpose, subject_type, opened_on, deadline, outcome, valid_until, closed_on FROM conf_case ORDER BY id',
    'SELECT id, case_id, step, done_on FROM conf_case_step ORDER BY id',
    'SELECT id, case_id, sent_on, due_date, replied_on FROM conf_case_request ORDER BY id',
    'SELECT id, number, plan_item_id, phase, decision_date, deadline, conduct_on, closing_on, concluded_on FROM inspection ORDER BY id',
    'SELECT id, inspection_id, assignment_id, unit_id, kind, text, resolved_on FROM inspection_finding ORDER BY id',
    'SELECT id, finding_id, unit_id, due_date, effective_due_date, status, completed_on, closed_on FROM corrective_action ORDER BY id',
    'SELECT id, unit_id, title, classification, requires_conclusion, closed_on FROM key_position ORDER BY id',
    'SELECT id, position_id, person_id, from_on, to_on, vetting_outcome, vetting_valid_until FROM position_holding ORDER BY id',
    'SELECT id, unit_id, person_id, role, appointed_on FROM officer ORDER BY id',
    'SELECT id, course_id, person_id, result, completed_on FROM training_attendance ORDER BY id',
    'SELECT id, unit_id, kind, address, last_reviewed_on, registered_on, status FROM channel ORDER BY id',
    'SELECT id, unit_id, kind, channel_id, detected_at, status, closed_at FROM security_incident ORDER BY id',
  ]
  for (const sql of tables) h.update(JSON.stringify(await db.query(sql)))
  return h.digest('hex')
}

describe('scale generator', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
    await generateScale(db, SCALE, KEYS)
  }, 120_000)
  afterAll(() => db.close())

  it('builds a tree 4–5 levels deep with exactly the units and people asked for', async () => {
    const [r] = await db.query<any>(`SELECT (SELECT count(*)::int FROM unit) AS units, (SELECT count(*)::int FROM person) AS people,
      (SELECT max(nlevel(path))::int FROM unit) AS depth, (SELECT count(*)::int FROM unit WHERE parent_id IS NULL) AS roots,
      (SELECT count(*)::int FROM directive) AS directives`)
    expect(r).toEqual({ units: 80, people: 480, depth: 5, roots: 1, directives: 3 })
    const [bad] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM unit c JOIN unit p ON p.id = c.parent_id WHERE c.path <> p.path || c.id::text::ltree`)
    expect(bad.n).toBe(0)
  })

  it('writes only references that resolve (the load skips foreign-key checks)', async () => {
    const fks = await db.query<{ name: string; child: string; parent: string; cols: string[]; pcols: string[] }>(
      `SELECT conname AS name, conrelid::regclass::text AS child, confrelid::regclass::text AS parent,
         (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n) AS cols,
         (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.n) AS pcols
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    )
    expect(fks.length).toBeGreaterThan(20)
    for (const fk of fks) {
      const [r] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${fk.child} c WHERE ${fk.cols.map((x) => `c.${x} IS NOT NULL`).join(' AND ')}
         AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${fk.cols.map((x, i) => `p.${fk.pcols[i]} = c.${x}`).join(' AND ')})`,
      )
      expect(r.n, fk.name).toBe(0)
    }
  })

  it('gives every directive its number of top-level requirements, within the range', async () => {
    const rows = await db.query<{ n: number }>(`SELECT count(*) FILTER (WHERE r.parent_id IS NULL)::int AS n FROM directive d JOIN requirement r ON r.directive_id = d.id GROUP BY d.id`)
    expect(rows).toHaveLength(3)
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(5)
      expect(r.n).toBeLessThanOrEqual(7)
    }
  })

  it('issues directives to whole subtrees: every unit below an addressee is one too', async () => {
    const [r] = await db.query<{ n: number; total: number }>(
      `SELECT (SELECT count(*)::int FROM directive_addressee a JOIN unit u ON u.id = a.unit_id JOIN unit c ON c.path <@ u.path
               WHERE NOT EXISTS (SELECT 1 FROM directive_addressee x WHERE x.directive_id = a.directive_id AND x.unit_id = c.id)) AS n,
              (SELECT count(*)::int FROM directive_addressee) AS total`,
    )
    expect(r.total).toBeGreaterThan(0)
    expect(r.n).toBe(0)
  })

  it('spreads acknowledgements and action timeliness over every state', async () => {
    const [r] = await db.query<any>(
      `SELECT count(*) FILTER (WHERE status = 'done' AND completed_on <= effective_due_date)::int AS done_on_time,
              count(*) FILTER (WHERE status = 'done' AND completed_on > effective_due_date)::int AS done_late,
              count(*) FILTER (WHERE status <> 'done' AND effective_due_date < $1::date)::int AS overdue,
              count(*) FILTER (WHERE status = 'inProgress' AND effective_due_date >= $1::date)::int AS in_progress,
              count(*) FILTER (WHERE status = 'notStarted')::int AS not_started,
              count(*) FILTER (WHERE effective_due_date <> due_date)::int AS extended
       FROM plan_action`,
      [SCALE.asOf],
    )
    for (const k of ['done_on_time', 'done_late', 'overdue', 'in_progress', 'not_started']) expect(r[k], k).toBeGreaterThan(0)
    const [a] = await db.query<any>(`SELECT count(*)::int AS n, count(acknowledged_at)::int AS acked FROM directive_addressee`)
    expect(a.acked / a.n).toBeGreaterThan(0.6)
    expect(a.acked).toBeLessThan(a.n)
    const plans = await db.query<{ status: string }>('SELECT DISTINCT status FROM unit_plan')
    expect(plans.length).toBeGreaterThanOrEqual(3)
    const [s] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM session_attendance')
    expect(s.n).toBeGreaterThan(0)
  })

  it('builds the matrix rollups the live queries agree with, rolled to its day', async () => {
    const [d] = await db.query<{ id: number }>('SELECT min(id)::int AS id FROM directive')
    const state = await rollupState(db, d.id)
    expect(state.asOf).toBe(SCALE.asOf)
    const reqIds = (await db.query<{ id: number }>('SELECT id FROM requirement WHERE directive_id = $1 AND parent_id IS NULL ORDER BY ordinal', [d.id])).map((r) => r.id)
    const top = await db.query<{ id: number }>('SELECT id FROM unit WHERE nlevel(path) <= 3')
    const rows = await rowsById(db, top.map((u) => u.id))
    for (const aggregate of [true, false]) {
      const fromRollup = (await rollupRows(db, d.id, SCALE.asOf, rows, reqIds, aggregate))!
      const live = await aggregateRows(db, d.id, SCALE.asOf, ['1'], rows, reqIds, aggregate)
      for (const a of fromRollup.values()) delete a.coverage
      expect(fromRollup.size).toBeGreaterThan(0)
      expect(fromRollup).toEqual(live)
    }
  })

  it('counts each directive\'s progress from the rollups as the scan of its rows does: the ministry, a subtree, nested scopes; on its day and later', async () => {
    const ids = (await db.query<{ id: number }>('SELECT id FROM directive ORDER BY id')).map((d) => d.id)
    const [sub] = await db.query<{ path: string; inner: string }>(
      `SELECT u.path::text AS path, (SELECT c.path::text FROM unit c WHERE c.parent_id = u.id ORDER BY c.id LIMIT 1) AS inner
       FROM unit u WHERE nlevel(u.path) = 2 AND EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id) ORDER BY u.id LIMIT 1`,
    )
    const later = (days: number) => new Date(Date.parse(SCALE.asOf) + days * 86_400_000).toISOString().slice(0, 10)
    let overdueSeen = 0
    for (const scopes of [['1'], [sub.path], [sub.path, sub.inner], [sub.inner]]) {
      for (const asOf of [SCALE.asOf, later(3), later(40)]) {
        const fromRollups = await progressFromRollups(db, ids, scopes, asOf)
        expect(fromRollups).toEqual(await progressScanned(db, ids, scopes, asOf))
        expect(await directiveProgress(db, ids, scopes, asOf)).toEqual(fromRollups)
        for (const p of fromRollups.values()) overdueSeen += p.overdueActions
      }
    }
    expect(overdueSeen).toBeGreaterThan(0)
    // A day before the rollups' own is answered by the scan.
    expect(await directiveProgress(db, ids, ['1'], later(-10))).toEqual(await progressScanned(db, ids, ['1'], later(-10)))
  })

  it('gives the board\'s home page the overdue worklist the full list has: the same total, the same first deadlines; the ministry and a subtree, on its day and later', async () => {
    const [sub] = await db.query<{ path: string }>('SELECT path::text AS path FROM unit WHERE nlevel(path) = 2 ORDER BY id LIMIT 1')
    const later = (days: number) => new Date(Date.parse(SCALE.asOf) + days * 86_400_000).toISOString().slice(0, 10)
    for (const scopes of [['1'], [sub.path]]) {
      for (const asOf of [SCALE.asOf, later(3), later(40), later(-10)]) {
        const overdue = (await boardSections(db, scopes, asOf)).find((x) => x.key === 'overdue')!
        const all = await listOverdue(db, asOf, scopes)
        expect(overdue.total).toBe(all.length)
        expect(overdue.items.map((i) => i.dueDate)).toEqual(all.slice(0, overdue.items.length).map((i) => i.dueDate))
        expect(overdue.items.length).toBe(Math.min(all.length, HOME_SECTION_ITEMS))
      }
    }
    expect((await listOverdue(db, later(40), ['1'])).length).toBeGreaterThan(HOME_SECTION_ITEMS)
  })

  it('writes an audit chain that verifies, and records its scale', async () => {
    const v = await verifyAuditChain(db)
    expect(v).toMatchObject({ ok: true, count: 201 })
    expect(await recordedScale(db)).toMatchObject({ units: 80, peoplePerUnit: 6, directives: 3, seed: 7, asOf: '2026-06-15' })
  })

  it('holds confidential cases in proportion, each on the board account\'s list and a group\'s, opening with the key and no other', async () => {
    const cases = await db.query<{ id: number; kind: string; status: string; step: string; number: string }>('SELECT id, kind, status, step, number FROM conf_case ORDER BY id')
    expect(cases.filter((c) => c.kind === 'standards_review')).toHaveLength(32)
    expect(cases.filter((c) => c.kind === 'violation')).toHaveLength(8)
    expect(new Set(cases.map((c) => c.step)).size).toBeGreaterThanOrEqual(4)
    const [{ id: boardId }] = await db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`)
    const board = await userFor(db, boardId)
    expect((await listCases(db, board, {}, SCALE.asOf)).items.map((c) => c.id).sort((a, b) => a - b)).toEqual(cases.map((c) => c.id))
    const [noGroup] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM conf_case c WHERE NOT EXISTS (SELECT 1 FROM conf_case_access x WHERE x.case_id = c.id AND x.group_id IS NOT NULL)')
    expect(noGroup.n).toBe(0)
    const names = new Map((await db.query<{ id: number; full_name: string }>('SELECT id, full_name FROM person')).map((p) => [p.id, p.full_name]))
    let requests = 0
    for (const { id } of cases) {
      // The app's own read path: the list checked, the data key unwrapped, every sealed part opened.
      const c = await caseOnList(db, board, id)
      const dto = await caseDetail(db, KEYS, board, c, SCALE.asOf, { viaBreakGlass: false })
      expect(dto.subject.name.length).toBeGreaterThan(2)
      if (dto.subject.personId) expect(dto.subject.name).toBe(names.get(dto.subject.personId))
      expect(dto.note).not.toBe('')
      expect(dto.steps.length).toBeGreaterThanOrEqual(1)
      expect(dto.steps.at(-1)!.step).toBe(dto.step)
      // Steps in their regulation's order from the first, the last one deciding the status; a
      // notice to the subject for each notification and decision.
      expect(dto.steps.map((s) => s.step)).toEqual(PATH[dto.kind].slice(0, dto.steps.length))
      expect(dto.status, dto.number).toBe(dto.step === 'approved' || dto.step === 'closed' ? 'closed' : 'open')
      expect(dto.notices).toHaveLength(dto.steps.filter((s) => s.step === 'subjectNotified' || s.step === 'decision').length)
      if (dto.requests.length) expect(dto.steps.map((s) => s.step)).toContain('verificationDecision')
      requests += dto.requests.length
      await expect(caseDetail(db, keyring('another key'), board, c, SCALE.asOf, { viaBreakGlass: false })).rejects.toThrow(/master key/)
    }
    expect(requests).toBeGreaterThan(0)
    // Need to know: the committee is on the list of the reviews it approved, and of nothing else.
    const [{ id: committeeId }] = await db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'committee'`)
    const committee = await userFor(db, committeeId)
    const approved = cases.filter((c) => c.step === 'approved').map((c) => c.id)
    expect(approved.length).toBeGreaterThan(0)
    expect((await listCases(db, committee, {}, SCALE.asOf)).items.map((c) => c.id).sort((a, b) => a - b)).toEqual(approved)
    // The app numbers the next case of a year after the generated ones.
    const counters = await db.query<{ year: number; n: number }>('SELECT year, n FROM conf_case_counter')
    for (const { year, n } of counters) expect(Math.max(...cases.filter((c) => c.number.startsWith(`HS-${year}-`)).map((c) => Number(c.number.slice(8))))).toBe(n)
  })

  it('refers to each case\'s subject by the app\'s blind index, so the standards register finds approved reviews', async () => {
    const rows = await db.query<{ id: number; kind: string; subject_type: string; ref: string | null; outcome: string | null; valid_until: string | null; approved: boolean }>(
      `SELECT id, kind, subject_type, encode(subject_ref, 'hex') AS ref, outcome, valid_until::text, approved_at IS NOT NULL AS approved FROM conf_case ORDER BY id`,
    )
    const [{ id: boardId }] = await db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`)
    const board = await userFor(db, boardId)
    const subjects = new Map<number, number>()
    for (const r of rows) {
      const dto = await caseDetail(db, KEYS, board, await caseOnList(db, board, r.id), SCALE.asOf, { viaBreakGlass: false })
      if (dto.subject.personId) {
        // The same reference the cases service computes for that person, and nobody else's.
        expect(r.ref, `case ${r.id}`).toBe((await blindRef(db, KEYS, 'person', dto.subject.personId)).toString('hex'))
        expect(r.ref).not.toBe((await blindRef(db, KEYS, 'person', dto.subject.personId + 1)).toString('hex'))
        subjects.set(r.id, dto.subject.personId)
      } else {
        expect(r.ref, `case ${r.id}`).toBeNull()
      }
    }
    expect(subjects.size).toBeGreaterThan(rows.length / 2)
    // One reference per person: two cases share one exactly when they have the same subject.
    const refs = rows.filter((r) => r.ref).map((r) => r.ref!)
    expect(new Set(refs).size).toBe(new Set(subjects.values()).size)
    // The narrow register call (standards.service) finds each approved review's subject by that reference.
    const approved = rows.filter((r) => r.kind === 'standards_review' && r.approved && subjects.has(r.id))
    expect(approved.length).toBeGreaterThan(0)
    const standing = await standardsStanding(db, KEYS, [...new Set(subjects.values())])
    expect(standing.size).toBe(new Set(approved.map((r) => subjects.get(r.id))).size)
    for (const r of approved) {
      const s = standing.get(subjects.get(r.id)!)
      expect(s, `case ${r.id}`).toBeDefined()
      expect(['meets', 'meetsWithConditions', 'doesNotMeet']).toContain(s!.outcome)
    }
    // A subject with one approved review: the register has exactly that review's class and validity.
    const only = approved.find((r) => approved.filter((x) => subjects.get(x.id) === subjects.get(r.id)).length === 1)!
    expect(standing.get(subjects.get(only.id)!)).toEqual({ outcome: only.outcome, validUntil: only.valid_until })
  })

  const boardUser = async () => userFor(db, (await db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`))[0].id)
  const CONFIG = readConfig({ BVCT_DATA_DIR: '/tmp/bvct-scale-test' }, [])

  it('plans and runs inspections in every phase, with findings and corrective actions in proportion, as the app reads them', async () => {
    const board = await boardUser()
    const [n] = await db.query<any>(`SELECT (SELECT count(*)::int FROM inspection) AS inspections, (SELECT count(*)::int FROM inspection_finding) AS findings,
      (SELECT count(*)::int FROM corrective_action) AS actions, (SELECT count(*)::int FROM checklist_assignment) AS assignments,
      (SELECT count(*)::int FROM inspection_finding WHERE assignment_id IS NOT NULL) AS checklist_findings`)
    // 0.1 inspections per unit (at least 8), about ten findings and twenty actions per inspection.
    expect(n.inspections).toBe(8)
    expect(n.findings).toBeGreaterThanOrEqual(n.inspections * 5)
    expect(n.findings).toBeLessThanOrEqual(n.inspections * 20)
    expect(n.actions).toBeGreaterThanOrEqual(n.findings)
    expect(n.actions).toBeLessThanOrEqual(n.findings * 4)
    expect(n.assignments).toBeGreaterThan(0)
    expect(n.checklist_findings).toBeGreaterThan(0)
    const phases = await db.query<{ phase: string }>('SELECT DISTINCT phase FROM inspection')
    expect(new Set(phases.map((p) => p.phase))).toEqual(new Set(['preparation', 'conduct', 'closing', 'concluded']))

    // The board's plan-versus-actual view: something in every state, and inspections added outside the plan.
    const [plan] = await db.query<{ id: number }>('SELECT id FROM inspection_plan')
    const view = await readPlan(db, board, plan.id, SCALE.asOf)
    for (const k of ['planned', 'started', 'concluded', 'dropped', 'outsidePlan'] as const) expect(view.counts[k], k).toBeGreaterThan(0)
    expect(view.counts.started + view.counts.concluded + view.counts.outsidePlan).toBe(n.inspections)

    // Every status and every timeliness class, the list's count, and extensions approved and pending.
    const byStatus = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM corrective_action GROUP BY 1 ORDER BY 1')
    expect(byStatus.map((s) => s.status)).toEqual(['closed', 'open', 'reported', 'returned'])
    const page = await listCorrectiveActions(db, board, { asOf: SCALE.asOf, limit: 200, offset: 0 })
    expect(page.total).toBe(n.actions)
    for (const t of TIMELINESS) {
      const of = await listCorrectiveActions(db, board, { asOf: SCALE.asOf, timeliness: t, limit: 1, offset: 0 })
      expect(of.total, t).toBeGreaterThan(0)
    }
    const ext = await db.query<{ status: string }>('SELECT DISTINCT status FROM corrective_action_extension ORDER BY 1')
    expect(ext.map((e) => e.status)).toContain('approved')
    const [bad] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM corrective_action ca WHERE (ca.effective_due_date > ca.due_date) <> EXISTS (
      SELECT 1 FROM corrective_action_extension x WHERE x.corrective_action_id = ca.id AND x.status = 'approved' AND x.requested_due_date = ca.effective_due_date)`)
    expect(bad.n).toBe(0)
    // A finding is resolved exactly when every action made of it is closed (a strength never needs one).
    const [unresolved] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_finding f
      WHERE f.kind <> 'strength' AND EXISTS (SELECT 1 FROM corrective_action ca WHERE ca.finding_id = f.id)
        AND (f.resolved_on IS NOT NULL) <> NOT EXISTS (SELECT 1 FROM corrective_action ca WHERE ca.finding_id = f.id AND ca.status <> 'closed')`)
    expect(unresolved.n).toBe(0)

    // A concluded inspection opens with its issued notice, the actions it made, and its .docx.
    const [concluded] = await db.query<{ id: number }>(`SELECT id FROM inspection WHERE phase = 'concluded' ORDER BY id LIMIT 1`)
    const dto = await readInspection(db, board, concluded.id, DEFAULT_INSPECTION_RULES, SCALE.asOf)
    expect(dto.conclusion?.status).toBe('issued')
    expect(dto.conclusion?.number).toMatch(/^\d+-TB\/BCSĐ$/)
    expect(dto.team.length).toBe(3)
    expect(dto.findings.length).toBeGreaterThan(0)
    const actionIds = (await db.query<{ id: number }>('SELECT id FROM corrective_action WHERE inspection_id = $1 ORDER BY id', [concluded.id])).map((a) => a.id)
    expect(dto.correctiveActionIds).toEqual(actionIds)
    expect(dto.conclusion?.mustCorrect).toHaveLength(actionIds.length)
    const [doc] = await db.query<{ document: Uint8Array }>('SELECT document FROM inspection_conclusion WHERE inspection_id = $1', [concluded.id])
    expect(Buffer.from(doc.document).subarray(0, 2).toString()).toBe('PK')
  })

  it('registers about ten key positions per unit, holders\' vetting as the standards call gives it in every state, and the readiness figures the live count agrees with', async () => {
    const [n] = await db.query<{ positions: number; officers: number }>(`SELECT (SELECT count(*)::int FROM key_position) AS positions,
      (SELECT count(*)::int FROM officer WHERE until_on IS NULL) AS officers`)
    expect(n.positions / SCALE.units).toBeGreaterThan(8)
    expect(n.positions / SCALE.units).toBeLessThan(12)
    expect(n.officers / SCALE.units).toBeGreaterThan(1.5)
    expect(n.officers / SCALE.units).toBeLessThan(2.5)
    // Every holder's stored standing is what the narrow call gives for that person today.
    const holdings = await holdingsToCheck(db)
    const standing = await standardsStanding(db, KEYS, [...new Set(holdings.map((h) => h.personId))])
    for (const h of holdings) expect(h.standing, `holding ${h.id}`).toEqual(standing.get(h.personId) ?? null)
    // The roll-up of the whole ministry: every vetting and training state, units without an officer.
    const [root] = await db.query<{ id: number; path: string }>('SELECT id, path::text FROM unit WHERE parent_id IS NULL')
    const r = await unitReadiness(db, root, SCALE.asOf, READINESS_THRESHOLDS, true)
    for (const [k, v] of Object.entries(r.vetting)) expect(v, k).toBeGreaterThan(0)
    for (const [k, v] of Object.entries(r.training)) expect(v, k).toBeGreaterThan(0)
    expect(r.unitsWithoutOfficer).toBeGreaterThan(0)
    expect(r.children.length).toBeGreaterThan(1)
    const live = await liveReadiness(db, root.path, SCALE.asOf, READINESS_THRESHOLDS)
    expect({ ...live, childId: null }).toEqual(expect.objectContaining({ positions: r.positions, filled: r.filled, current: r.vetting.current, expiring: r.vetting.expiring,
      expired: r.vetting.expired, notMet: r.vetting.not_met, none: r.vetting.none, officers: r.officers, tCurrent: r.training.current, tDue: r.training.due,
      tOverdue: r.training.overdue, tNone: r.training.none, unitsWithoutOfficer: r.unitsWithoutOfficer }))
    // The alerts are those the hourly job raises: running it today changes nothing.
    const [alerts] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM position_alert WHERE cleared_at IS NULL')
    expect(alerts.n).toBe(r.vetting.none + r.vetting.expired + r.vetting.not_met)
    expect(ALERT_STATUSES).toEqual(['none', 'expired', 'not_met'])
    const job = await runVettingJob({ db, keys: KEYS, mailer: { send: async () => {} }, thresholds: READINESS_THRESHOLDS }, SCALE.asOf, new Date(`${SCALE.asOf}T05:00:00Z`))
    expect(job).toMatchObject({ changed: 0, raised: 0, cleared: 0 })
    expect(job.checked).toBeGreaterThan(n.positions * 0.7)
    // Read a page at a time, the job checks the same holdings.
    expect(await runVettingJob({ db, keys: KEYS, mailer: { send: async () => {} }, thresholds: READINESS_THRESHOLDS }, SCALE.asOf, new Date(`${SCALE.asOf}T05:00:00Z`), 97)).toEqual(job)
  })

  it('registers about three official channels per unit in every review state, and incidents in every timeliness class', async () => {
    const board = await boardUser()
    const { items, total } = await findChannels(channelDepsOf(db, CONFIG), board, { status: 'active' }, SCALE.asOf)
    const [n] = await db.query<{ channels: number; retired: number }>(`SELECT count(*)::int AS channels, count(*) FILTER (WHERE status = 'retired')::int AS retired FROM channel`)
    expect(total).toBe(n.channels - n.retired)
    expect(n.channels / SCALE.units).toBeGreaterThan(2.2)
    expect(n.channels / SCALE.units).toBeLessThan(3.6)
    expect(n.retired).toBeGreaterThan(0)
    expect(new Set(items.map((c) => c.reviewStatus))).toEqual(new Set(['current', 'due_soon', 'overdue']))
    expect(items.some((c) => !c.twoFactor)).toBe(true)
    expect(items.filter((c) => c.twoFactor).length).toBeGreaterThan(items.length / 2)
    const [reviews] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_review')
    expect(reviews.n).toBeGreaterThan(n.channels / 2)

    const incidents = await findIncidents({ db, targets: { reportHours: CONFIG.incidentReportHours, closeDays: CONFIG.incidentCloseDays }, recipients: [] }, board, {}, new Date(`${SCALE.asOf}T03:00:00Z`))
    expect(incidents.total).toBe(8)
    expect(new Set(incidents.items.map((i) => i.timeliness))).toEqual(new Set(TIMELINESS))
    expect(new Set(incidents.items.map((i) => i.status))).toEqual(new Set(['open', 'closed']))
  })

  it('refuses a database that already has units', async () => {
    await expect(generateScale(db, SCALE, KEYS)).rejects.toBeInstanceOf(DatabaseNotEmptyError)
  })

  it('gives the same data for the same seed, and different data for another', async () => {
    const same = await createTestDb()
    const other = await createTestDb()
    try {
      await generateScale(same, SCALE, KEYS)
      await generateScale(other, { ...SCALE, seed: 8 }, KEYS)
      const fp = await fingerprint(db)
      expect(await fingerprint(same)).toBe(fp)
      expect(await fingerprint(other)).not.toBe(fp)
    } finally {
      await same.close()
      await other.close()
    }
  }, 120_000)
})
