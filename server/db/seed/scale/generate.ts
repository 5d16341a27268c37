// Realistic, deterministic data at any scale, for the benchmark and for trying the dashboard at the
// size of a whole ministry: units, people, accounts, directives with plans and actions,
// dissemination, confidential cases, and a verified audit chain. Everything is computed in
// JavaScript from one seed and written in bulk (see bulk.ts) inside one transaction; only the
// cases' data keys are random, sealed under the keyring given.
import { randomBytes } from 'node:crypto'
import { vnNameSortKey, vnSortKey } from '../../../../contract/vietnamese.ts'
import { hashPassword } from '../../../features/auth/password.ts'
import { blindIndexer } from '../../../features/keys/keys.service.ts'
import type { Keyring } from '../../../lib/keyring.ts'
import { migrate } from '../../migrate.ts'
import type { Db, Queryable } from '../../types.ts'
import { POSITIONS, categoryFor, rng, vietnameseName } from '../names.ts'
import { auditWriter, generateAudit, type AuditActor } from './audit.ts'
import { Loader, dropSecondaryIndexes, syncIdentity } from './bulk.ts'
import { caseWriters, generateCases } from './cases.ts'
import { chooseAddressees, directiveWriters, generateDirectives, type Population } from './directives.ts'
import { SCALE_STATE_KEY, scaleKey, type ScaleKey, type ScaleOptions } from './options.ts'
import { silentProgress, type Progress } from './progress.ts'
import { buildTree } from './tree.ts'
import { loadDemoReports } from '../demo-reports.ts'
import { channelWriters, generateChannels } from './channels.ts'
import { generateInspections, inspectionWriters } from './inspections.ts'
import { READINESS_THRESHOLDS, generatePositions, positionWriters } from './positions.ts'

export class DatabaseNotEmptyError extends Error {
  constructor(units: number) {
    super(`The database already has ${units} units. Pass --reset to drop its schema and generate from scratch.`)
  }
}

/** Drops every table, function and extension in the current schema and migrates from zero. */
export async function resetSchema(db: Db) {
  await db.query('DROP SCHEMA public CASCADE')
  await db.query('CREATE SCHEMA public')
  await migrate(db)
}

export async function countUnits(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit')
  return r.n
}

/** The scale recorded by the last generation, if this database was filled by it. */
export async function recordedScale(db: Queryable): Promise<(ScaleKey & { asOf: string }) | null> {
  const rows = await db.query<{ value: string | { scale?: ScaleKey & { asOf: string } } | null }>('SELECT value FROM app_state WHERE key = $1', [SCALE_STATE_KEY])
  const v = rows[0]?.value
  return v ? (typeof v === 'string' ? JSON.parse(v) : v).scale ?? null : null
}

const BIG_TABLES = ['person', 'account', 'role_grant', 'directive_addressee', 'unit_plan', 'plan_action', 'deadline_extension', 'dissemination_session',
  'session_requirement', 'session_attendance', 'receipt_confirmation', 'audit_log']
const IDENTITY_TABLES = ['unit', 'person', 'account', 'role_grant', 'directive', 'requirement', 'unit_plan', 'plan_action', 'deadline_extension', 'dissemination_session', 'audit_log',
  'data_key', 'case_group', 'conf_case', 'conf_case_access', 'conf_case_step', 'conf_case_request', 'conf_case_notice',
  'inspection_plan', 'inspection_plan_item', 'inspection', 'inspection_extension', 'inspection_request', 'inspection_request_item', 'inspection_session',
  'checklist_template', 'checklist_template_item', 'checklist_assignment', 'inspection_finding', 'corrective_action', 'corrective_action_extension',
  'key_position', 'position_holding', 'position_alert', 'officer', 'training_course', 'training_attendance',
  'channel', 'channel_review', 'security_incident', 'security_incident_report', 'security_incident_step']
/** Tables of inspections, positions, officers and channels whose indexes are built after the load, like BIG_TABLES'. */
const FEATURE_TABLES = ['inspection_finding', 'corrective_action', 'key_position', 'position_holding', 'position_alert', 'officer', 'training_attendance', 'channel', 'channel_admin', 'channel_review']
/** Inspector accounts per unit (at least three: a team's size), drawn into the generated inspection teams. */
const INSPECTORS_PER_UNIT = 1 / 125

export interface ScaleSummary {
  scale: ScaleKey & { asOf: string }
  rows: Record<string, number>
  /** Seconds the database spent inserting each table (indexes dropped meanwhile). */
  seconds: Record<string, number>
  password: string
  ms: number
}

/**
 * Fills an empty database (no units) with `o`'s scale; confidential cases are sealed under `keys`
 * (the server that runs on this data needs the same master key). Throws DatabaseNotEmptyError
 * when the database has units.
 */
export async function generateScale(db: Db, o: ScaleOptions, keys: Keyring, progress: Progress = silentProgress): Promise<ScaleSummary> {
  const started = Date.now()
  const password = o.password ?? 'Bvct-' + randomBytes(6).toString('base64url')
  const passwordHash = await hashPassword(password)
  const rows: Record<string, number> = {}
  const seconds: Record<string, number> = {}
  await db.transaction(async (tx) => {
    const units = await countUnits(tx)
    if (units) throw new DatabaseNotEmptyError(units)
    // The blind-index key first: it is a data key, made (once) before the generator numbers its own.
    const blindRef = await blindIndexer(tx, keys)
    const max = async (table: string) => (await tx.query<{ m: number }>(`SELECT coalesce(max(id), 0)::int8 AS m FROM ${table}`))[0].m
    const base: Record<string, number> = {}
    for (const t of IDENTITY_TABLES) base[t] = await max(t)
    const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')

    progress.stage('dropping indexes', 1)
    const indexes = await dropSecondaryIndexes(tx, [...BIG_TABLES, ...FEATURE_TABLES])
    // Foreign-key checks are most of an insert's cost (plan_action has five). The generator makes
    // every reference from ids it just wrote, so a superuser skips them for this transaction only;
    // the test checks the references. Anyone else gets the checks.
    const [role] = await tx.query<{ is_super: boolean }>('SELECT rolsuper AS is_super FROM pg_roles WHERE rolname = current_user')
    if (role?.is_super) await tx.query('SET LOCAL session_replication_role = replica')
    progress.tick()

    const loader = new Loader(tx)
    const tree = buildTree(o.units, rng(o.seed), base.unit + 1)
    const wUnit = loader.table('unit', [['id', 'int'], ['parent_id', 'int'], ['path', 'ltree'], ['code', 'text'], ['name', 'text'], ['kind', 'text'], ['sort_key', 'text']])
    const wPerson = loader.table('person', [
      ['id', 'int'], ['unit_id', 'int'], ['full_name', 'text'], ['position', 'text'], ['category', 'text'], ['is_party_member', 'bool'], ['is_active', 'bool'], ['sort_key', 'text'],
    ])
    const wAccount = loader.table('account', [['id', 'int'], ['person_id', 'int'], ['username', 'text'], ['password_hash', 'text']])
    const wGrant = loader.table('role_grant', [['id', 'int'], ['account_id', 'int'], ['role', 'text'], ['unit_id', 'int']])
    const w = directiveWriters(loader)
    const wCases = caseWriters(loader)
    const wInspections = inspectionWriters(loader)
    const wPositions = positionWriters(loader)
    const wChannels = channelWriters(loader)
    const wAudit = auditWriter(loader)

    progress.stage('units', tree.units.length)
    for (const u of tree.units) {
      wUnit.push(u.id, u.parentId, u.path, u.code, u.name, u.kind, vnSortKey(u.name))
      progress.tick()
    }

    const rp = rng(o.seed + 1)
    const firstPersonId = base.person + 1
    const personStart: number[] = []
    const personCount: number[] = []
    const isActive = new Uint8Array(tree.units.length * o.peoplePerUnit)
    let personId = base.person
    progress.stage('people', isActive.length)
    for (const u of tree.units) {
      personStart.push(personId + 1)
      personCount.push(o.peoplePerUnit)
      const pos = POSITIONS[u.kind] ?? (u.kind === 'center' ? POSITIONS.institute : POSITIONS.default)
      for (let i = 0; i < o.peoplePerUnit; i++) {
        const id = ++personId
        const position = i === 0 ? pos.head : i === 1 ? pos.deputy : pos.staff[Math.floor(rp() * pos.staff.length)]
        const fullName = vietnameseName(rp)
        // Heads and officers (first and last) stay active: they hold the unit's accounts.
        const active = i === 0 || i === o.peoplePerUnit - 1 || rp() >= 0.02
        isActive[id - firstPersonId] = active ? 1 : 0
        wPerson.push(id, u.id, fullName, position, categoryFor(u.kind, position), i < 2 || rp() < 0.4, active, vnNameSortKey(fullName))
        progress.tick()
      }
      if ((u.id & 63) === 0) await loader.backpressure()
    }

    // Every unit has a head and an officer account; the board and the committee sit on the ministry.
    progress.stage('accounts', tree.units.length * 2 + 2 + Math.max(3, Math.round(o.units * INSPECTORS_PER_UNIT)))
    let accountId = base.account
    let grantId = base.role_grant
    const addAccount = (username: string, person: number | null, role: string, unitId: number) => {
      const id = ++accountId
      wAccount.push(id, person, username, passwordHash)
      wGrant.push(++grantId, id, role, unitId)
      progress.tick()
      return id
    }
    const boardAccountId = addAccount('board', null, 'board', tree.root.id)
    const committeeAccountId = addAccount('committee', null, 'committee', tree.root.id)
    const headAccount: (number | null)[] = []
    const officerAccount: (number | null)[] = []
    const actors: AuditActor[] = []
    for (const [i, u] of tree.units.entries()) {
      const code = u.code.toLowerCase()
      headAccount.push(addAccount(`head.${code}`, personStart[i], 'unitHead', u.id))
      const officerPerson = o.peoplePerUnit > 1 ? personStart[i] + o.peoplePerUnit - 1 : null
      officerAccount.push(addAccount(`officer.${code}`, officerPerson, 'unitOfficer', u.id))
      actors.push({ id: officerAccount[i]!, username: `officer.${code}`, unitId: u.id })
    }
    // Inspectors for the teams: the board's people where it has enough, accounts of their own otherwise.
    const boardIndex = tree.units.indexOf(tree.board)
    const inspectors: number[] = []
    const nInspectors = Math.max(3, Math.round(o.units * INSPECTORS_PER_UNIT))
    for (let k = 0; k < nInspectors; k++) {
      const person = k + 1 < personCount[boardIndex] - 1 ? personStart[boardIndex] + 1 + k : null
      inspectors.push(addAccount(`inspector.${k + 1}`, person, 'inspector', tree.root.id))
    }
    loader.flushThrough(wGrant)
    await loader.backpressure(0)

    const pop: Population = { tree, personStart, personCount, isActive, firstPersonId, headAccount, officerAccount, boardAccountId }
    const rd = rng(o.seed + 2)
    const addressees = chooseAddressees(o, tree, rd)
    const ids = { directive: base.directive, requirement: base.requirement, unitPlan: base.unit_plan, planAction: base.plan_action, extension: base.deadline_extension, session: base.dissemination_session }
    await generateDirectives(o, pop, addressees, w, loader, ids, rd, progress)
    loader.flushThrough(w.receipt)
    await loader.backpressure(0)

    const caseIds = {
      dataKey: base.data_key, group: base.case_group, case: base.conf_case, access: base.conf_case_access, step: base.conf_case_step, request: base.conf_case_request, notice: base.conf_case_notice,
    }
    const { counters, standings } = await generateCases(o, { ...pop, committeeAccountId }, wCases, tx, caseIds, keys, blindRef, rng(o.seed + 5), progress)
    loader.flushThrough(wCases.notice)
    await loader.backpressure(0)

    // Inspections, key positions and officers, channels and incidents: each from its own random stream.
    const [firstDirective] = await tx.query<{ id: number | null; reqs: number[] | null }>(
      `SELECT d.id, array(SELECT r.id FROM requirement r WHERE r.directive_id = d.id AND r.parent_id IS NULL ORDER BY r.ordinal, r.id) AS reqs
       FROM directive d WHERE d.id > $1 ORDER BY d.id LIMIT 1`, [base.directive])
    const topics = firstDirective?.id ? { directiveId: firstDirective.id, requirementIds: firstDirective.reqs ?? [] } : null
    const inspectionIds = {
      plan: base.inspection_plan, item: base.inspection_plan_item, inspection: base.inspection, extension: base.inspection_extension, request: base.inspection_request,
      requestItem: base.inspection_request_item, session: base.inspection_session, template: base.checklist_template, templateItem: base.checklist_template_item,
      assignment: base.checklist_assignment, finding: base.inspection_finding, corrective: base.corrective_action, correctiveExtension: base.corrective_action_extension,
    }
    await generateInspections(o, { pop: { ...pop, committeeAccountId }, inspectors, topics }, wInspections, loader, inspectionIds, rng(o.seed + 6), progress)
    loader.flushThrough(wInspections.docCounter)
    await loader.backpressure(0)
    const positionIds = { position: base.key_position, holding: base.position_holding, alert: base.position_alert, officer: base.officer, course: base.training_course, attendance: base.training_attendance }
    await generatePositions(o, pop, standings, wPositions, loader, positionIds, rng(o.seed + 7), progress)
    loader.flushThrough(wPositions.attendance)
    await loader.backpressure(0)
    const channelIds = { channel: base.channel, review: base.channel_review, incident: base.security_incident, report: base.security_incident_report, step: base.security_incident_step }
    await generateChannels(o, pop, wChannels, loader, channelIds, rng(o.seed + 8), progress)
    loader.flushThrough(wChannels.step)
    await loader.backpressure(0)

    const writers = [wUnit, wPerson, wAccount, wGrant, ...Object.values(w), ...Object.values(wCases), ...Object.values(wInspections), ...Object.values(wPositions), ...Object.values(wChannels), wAudit]
    const counts = () => Object.fromEntries(writers.map((t) => [t.table, t.rows]))
    const scale = { ...scaleKey(o), asOf: o.asOf }
    await generateAudit(
      o, actors, { directives: o.directives, actions: w.action.rows, firstDirective: base.directive, firstAction: base.plan_action },
      { lastId: base.audit_log, lastHash: last?.hash ?? null }, wAudit, loader, rng(o.seed + 3), progress, { scale, rows: counts() },
    )
    await loader.flushAll()
    Object.assign(rows, counts())
    for (const t of writers) seconds[t.table] = t.ms / 1000

    if (role?.is_super) await tx.query('SET LOCAL session_replication_role = origin')
    progress.stage('indexes', indexes.length)
    for (const def of indexes) {
      await tx.query(def)
      progress.tick()
    }
    await syncIdentity(tx, IDENTITY_TABLES)
    // The app numbers the next case of a year after the generated ones.
    for (const [year, n] of counters) {
      await tx.query('INSERT INTO conf_case_counter (year, n) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET n = greatest(conf_case_counter.n, excluded.n)', [year, n])
    }
    // The matrix rollups (migration 0005): with triggers off for the load they are built once here,
    // set-based, and rolled to the generator's day like the daily job would.
    progress.stage('matrix rollups', o.directives)
    // Statistics first: without them the planner walks every person for each addressee.
    await tx.query(`ANALYZE unit, person, directive_addressee, plan_action, session_attendance, receipt_confirmation`)
    for (const { id } of await tx.query<{ id: number }>('SELECT id FROM directive WHERE id > $1 ORDER BY id', [base.directive])) {
      if (role?.is_super) await tx.query('SELECT matrix_rebuild($1)', [id])
      await tx.query('SELECT matrix_roll($1, $2::date)', [id, o.asOf])
      progress.tick()
    }
    // One open report period on the first directive for up to 200 of its units (the consolidated
    // report's size in the targets), with submitted, returned, accepted and draft reports.
    progress.stage('report period', 1)
    const [first] = await tx.query<{ id: number | null }>('SELECT min(id)::int AS id FROM directive WHERE id > $1', [base.directive])
    if (first?.id) {
      const indexOf = new Map(tree.units.map((u, i) => [u.id, i]))
      const reporting = await tx.query<{ unit_id: number; name: string }>(
        `SELECT da.unit_id, u.name FROM directive_addressee da JOIN unit u ON u.id = da.unit_id WHERE da.directive_id = $1 ORDER BY nlevel(u.path), u.id LIMIT 200`,
        [first.id],
      )
      await loadDemoReports(tx, {
        directiveId: first.id, ownerUnitId: tree.root.id, scopeUnitId: tree.root.id, boardAccountId,
        units: reporting.map((r) => ({ id: r.unit_id, name: r.name, head: headAccount[indexOf.get(r.unit_id)!] ?? undefined, officer: officerAccount[indexOf.get(r.unit_id)!] ?? undefined })),
        now: new Date(`${o.asOf}T08:00:00Z`), rng: rng(o.seed + 4),
      })
    }
    progress.tick()
    // The readiness figures (migration 0011), like the matrix's: counted once, set-based, as of the
    // generator's day with the rules' default thresholds (the server rolls them to its own day).
    progress.stage('readiness figures', 1)
    await tx.query('ANALYZE key_position, position_holding, officer, training_attendance')
    await tx.query('SELECT readiness_roll($1::date, $2::int, $3::int, $4::int)', [o.asOf, READINESS_THRESHOLDS.expiringDays, READINESS_THRESHOLDS.cycleMonths, READINESS_THRESHOLDS.dueDays])
    progress.tick()
    await tx.query(
      `INSERT INTO app_state (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [SCALE_STATE_KEY, JSON.stringify({ scale, rows, generatedAt: new Date().toISOString() })],
    )
    progress.done()
  })
  // VACUUM as well as ANALYZE: it sets the visibility map, as autovacuum would have long since on
  // a real database, so index-only scans skip the heap (without it every one visits it). Every
  // table, not a list: a list left out the report tables, whose plans then assumed 11 units for a
  // period's 200 and joined them by a nested loop (the dashboard's report column: 2.3 ms for 0.6).
  progress.stage('vacuum analyze', 1)
  await db.query('VACUUM (ANALYZE)')
  progress.tick()
  progress.done()
  return { scale: { ...scaleKey(o), asOf: o.asOf }, rows, seconds, password, ms: Date.now() - started }
}
