// The benchmark's database: filled by the scale generator (reused when it already holds the same
// scale), plus bench accounts and the units, actions and acknowledgements the load runs against.
import { readConfig, type Config } from '../server/config.ts'
import { countUnits, generateScale, recordedScale, resetSchema } from '../server/db/seed/scale/generate.ts'
import { sameScale, scaleKey, type ScaleOptions } from '../server/db/seed/scale/options.ts'
import type { Progress } from '../server/db/seed/scale/progress.ts'
import type { Db } from '../server/db/types.ts'
import { hashPassword } from '../server/features/auth/password.ts'
import { userFor } from '../server/db/seed/builders.ts'
import { openDatabase } from '../server/start.ts'
import { openKeyring, type Keyring } from '../server/lib/keyring.ts'
import { storeTotpSecret } from '../server/features/auth/totp-secrets.ts'
import { BENCH_MASTER_KEY } from './server.ts'

/** The keyring the bench's server runs with (its master key is the bench's). */
export const benchKeys = () => openKeyring({ masterKey: BENCH_MASTER_KEY, masterKeyNext: null, masterKeyFile: null }, { createIfMissing: false })

export const BENCH_PASSWORD = 'Bench-password-1'
// A fixed second-factor secret: the board role must use TOTP outside demo mode, so the bench
// signs in the way a real board officer does, with a code computed from it.
export const BENCH_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

export interface BenchTarget {
  kind: 'postgres' | 'pglite'
  config: Config
}

export function benchTarget(env: NodeJS.ProcessEnv, pgliteDir: string): BenchTarget {
  const config = readConfig({ ...env, BVCT_DATA_DIR: env.DATABASE_URL ? env.BVCT_DATA_DIR : env.BVCT_DATA_DIR || pgliteDir, BVCT_DEMO: '0' }, [])
  return { kind: config.databaseUrl ? 'postgres' : 'pglite', config }
}

/** Opens the database in this process (PGlite: on this thread, holding the folder's lock). */
export const openBenchDb = (t: BenchTarget) => openDatabase(t.config, { worker: false })

/**
 * Makes the database hold `o`'s scale. Reuses it when app_state records the same scale and its
 * confidential cases open with the bench's master key (a fill from before cases, or one made by
 * hand under another key, is made again); refuses to wipe a database that has units but was not
 * filled by the generator, unless `force`.
 */
export async function ensureScale(db: Db, o: ScaleOptions, opts: { force: boolean; progress: Progress }): Promise<{ reused: boolean; generationMs: number | null }> {
  const recorded = await recordedScale(db)
  if (recorded && !opts.force) {
    const { asOf: _asOf, ...key } = recorded
    if (sameScale(scaleKey(o), key) && (await casesOpenWith(db, benchKeys()))) return { reused: true, generationMs: null }
  }
  const units = await countUnits(db)
  if (units && !recorded && !opts.force) {
    throw new Error(`This database has ${units} units that the scale generator did not make; refusing to wipe it. Use another database, or --reset.`)
  }
  if (units || opts.force) await resetSchema(db)
  const s = await generateScale(db, o, benchKeys(), opts.progress)
  return { reused: false, generationMs: s.ms }
}

async function casesOpenWith(db: Db, keys: Keyring): Promise<boolean> {
  const kids = await db.query<{ kid: string }>('SELECT DISTINCT k.kid FROM conf_case c JOIN data_key k ON k.id = c.data_key_id')
  return kids.length > 0 && kids.every((k) => !!keys.get(k.kid))
}

export interface Officer {
  username: string
  accountId: number
  unitId: number
  /** Actions of the officer's plan for the benchmarked directive, with their current versions. */
  actions: { id: number; version: number }[]
}

export interface Acker {
  username: string
  accountId: number
  unitId: number
  /** Addressee rows under the acker's unit, made unacknowledged for the run. */
  pool: { directiveId: number; unitId: number }[]
}

export interface Targets {
  directiveId: number
  asOf: string
  board: { username: string; accountId: number }
  /** An administrator (whole ministry, two-factor as admins must): the jobs view. */
  admin: { username: string; accountId: number }
  loginUser: string
  /** One per client (and one for the single-client phase). */
  loginUsers: string[]
  under: { unitId: number; below: number; depth: number }
  officers: Officer[]
  ackers: Acker[]
  /** Acknowledgement state before the run, restored after it so a reused database stays as generated. */
  savedAcks: { directiveId: number; unitId: number; at: string | null; by: number | null }[]
  units: number
  /** The generated report period (the consolidated report's 200 units); null on an older fill. */
  periodId: number | null
  /** Confidential cases `board` opens, spread over the generated ones (it is in every case group). */
  caseIds: number[]
  /** The ministry (the root unit): the readiness roll-up's unit. */
  root: { id: number; path: string }
  /** The generated annual inspection plan (the plan-versus-actual view); null on an older fill. */
  inspectionPlanId: number | null
  /** Inspections the board opens, spread over every phase, the concluded ones (the largest pages) first. */
  inspectionIds: number[]
}

async function upsertAccount(db: Db, username: string, hash: string, role: string, unitId: number, totp: string | null): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO account (username, password_hash, is_totp_enabled) VALUES ($1, $2, false)
     ON CONFLICT ((lower(username))) DO UPDATE SET password_hash = $2, is_totp_enabled = false, totp_secret_enc = NULL, totp_key_id = NULL, is_active = true, must_change_password = false
     RETURNING id`,
    [username, hash],
  )
  if (totp) {
    await storeTotpSecret(db, benchKeys(), id, totp, new Date())
    await db.query('UPDATE account SET is_totp_enabled = true WHERE id = $1', [id])
  }
  await db.query('DELETE FROM role_grant WHERE account_id = $1', [id])
  await db.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1, $2, $3)', [id, role, unitId])
  return id
}

/** Evenly spaced picks from a list, so targets spread over the tree instead of bunching in one branch. */
const spread = <T>(xs: T[], n: number) => (xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]))

/**
 * Bench accounts and targets: `bench.board` (board on the ministry, with TOTP), `bench.officer.<n>`
 * on units with a plan, `bench.acker.<n>` on disjoint subtrees whose acknowledgements are reset.
 * `clients` + 1 of each: the extra one serves the SQL-direct timings.
 */
export async function prepareTargets(db: Db, clients: number, asOf: string): Promise<Targets> {
  const hash = await hashPassword(BENCH_PASSWORD)
  const [root] = await db.query<{ id: number }>('SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1')
  const [dir] = await db.query<{ id: number }>(
    `SELECT d.id FROM directive d WHERE d.status = 'issued' ORDER BY (SELECT count(*) FROM directive_addressee a WHERE a.directive_id = d.id) DESC, d.id LIMIT 1`,
  )
  if (!root || !dir) throw new Error('The database has no units or no issued directive')
  const directiveId = dir.id
  const units = await db.query<{ id: number; path: string; kind: string }>('SELECT id, path::text AS path, kind FROM unit WHERE is_active ORDER BY id')
  const below = new Map<string, { n: number; depth: number }>()
  for (const u of units) {
    const labels = u.path.split('.')
    for (let i = 1; i < labels.length; i++) {
      const anc = labels.slice(0, i).join('.')
      const b = below.get(anc) ?? { n: 0, depth: 0 }
      b.n++
      b.depth = Math.max(b.depth, labels.length - i)
      below.set(anc, b)
    }
  }
  // The expanded subtree: the unit with closest to 200 units below it.
  const candidates = units.filter((u) => u.path.includes('.') && below.has(u.path))
  const under = candidates.map((u) => ({ unitId: u.id, ...below.get(u.path)! })).sort((a, b) => Math.abs(a.n - 200) - Math.abs(b.n - 200) || a.unitId - b.unitId)[0]

  const boardId = await upsertAccount(db, 'bench.board', hash, 'board', root.id, BENCH_TOTP_SECRET)
  const adminId = await upsertAccount(db, 'bench.admin', hash, 'admin', root.id, BENCH_TOTP_SECRET)

  const planned = await db.query<{ unit_id: number; actions: number[]; versions: number[] }>(
    `SELECT a.unit_id, array_agg(a.id ORDER BY a.id) AS actions, array_agg(a.version ORDER BY a.id) AS versions
     FROM plan_action a JOIN unit u ON u.id = a.unit_id WHERE a.directive_id = $1
     GROUP BY a.unit_id, u.path HAVING count(*) >= 2 ORDER BY nlevel(u.path) DESC, a.unit_id`,
    [directiveId],
  )
  if (planned.length < clients + 1) throw new Error(`Need ${clients + 1} units with a plan of at least two actions; found ${planned.length}`)
  const officers: Officer[] = []
  for (const [i, p] of spread(planned, clients + 1).entries()) {
    const username = `bench.officer.${i}`
    officers.push({ username, unitId: p.unit_id, accountId: await upsertAccount(db, username, hash, 'unitOfficer', p.unit_id, null), actions: p.actions.map((id, k) => ({ id, version: p.versions[k] })) })
  }
  // One account per client: each person signs in one at a time. Many sign-ins of one account at
  // once from one address are what the throttle counts as guessing (features/auth/throttle.ts).
  const loginUsers = Array.from({ length: clients + 1 }, (_, i) => `bench.login.${i}`)
  for (const u of loginUsers) await upsertAccount(db, u, hash, 'unitOfficer', officers[0].unitId, null)
  const loginUser = loginUsers[0]

  // Ackers sit on disjoint subtrees: units of one level (the highest below the branches with enough
  // of them), the largest subtrees first, for the most fresh acknowledgements each.
  const issuer = units.filter((u) => u.kind === 'committee' || u.kind === 'board').map((u) => u.path)
  const eligible = units.filter((u) => !issuer.some((p) => u.path === p || u.path.startsWith(p + '.')))
  const depthOf = (u: { path: string }) => u.path.split('.').length
  let chosen: typeof units = []
  for (let level = 3; level <= 5 && chosen.length < clients + 1; level++) {
    chosen = eligible.filter((u) => depthOf(u) === level).sort((a, b) => (below.get(b.path)?.n ?? 0) - (below.get(a.path)?.n ?? 0) || a.id - b.id).slice(0, clients + 1)
  }
  if (chosen.length < clients + 1) throw new Error(`Need ${clients + 1} units on one level for acknowledgements; found ${chosen.length}`)
  const ackers: Acker[] = []
  const savedAcks: Targets['savedAcks'] = []
  for (const [i, u] of chosen.entries()) {
    const username = `bench.acker.${i}`
    const rows = await db.query<{ directive_id: number; unit_id: number; acknowledged_at: Date | null; acknowledged_by: number | null }>(
      `SELECT a.directive_id, a.unit_id, a.acknowledged_at, a.acknowledged_by FROM directive_addressee a JOIN unit x ON x.id = a.unit_id
       JOIN directive d ON d.id = a.directive_id AND d.status = 'issued'
       WHERE x.path <@ $1::ltree ORDER BY a.unit_id, a.directive_id`,
      [u.path],
    )
    for (const r of rows) savedAcks.push({ directiveId: r.directive_id, unitId: r.unit_id, at: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null, by: r.acknowledged_by })
    ackers.push({ username, unitId: u.id, accountId: await upsertAccount(db, username, hash, 'unitOfficer', u.id, null), pool: rows.map((r) => ({ directiveId: r.directive_id, unitId: r.unit_id })) })
  }
  await setAcks(db, savedAcks.map((a) => ({ ...a, at: null, by: null })))
  const [period] = await db.query<{ id: number }>('SELECT id FROM report_period ORDER BY id LIMIT 1')
  // The bench's board officer joins the board's named groups, so every generated case is on its list.
  await db.query('INSERT INTO case_group_member (group_id, account_id, added_at) SELECT id, $1, now() FROM case_group ON CONFLICT DO NOTHING', [boardId])
  const caseIds = spread((await db.query<{ id: number }>(`SELECT id FROM conf_case WHERE status <> 'purged' ORDER BY id`)).map((c) => c.id), 50)
  const [plan] = await db.query<{ id: number }>('SELECT id FROM inspection_plan ORDER BY year DESC, id LIMIT 1')
  const inspectionIds = spread((await db.query<{ id: number }>(`SELECT id FROM inspection ORDER BY (phase = 'concluded') DESC, id`)).map((i) => i.id), 50)
  const [rootPath] = await db.query<{ path: string }>('SELECT path::text FROM unit WHERE id = $1', [root.id])
  return { root: { id: root.id, path: rootPath.path }, inspectionPlanId: plan?.id ?? null, inspectionIds, periodId: period?.id ?? null, caseIds, directiveId, asOf, board: { username: 'bench.board', accountId: boardId }, admin: { username: 'bench.admin', accountId: adminId }, loginUser, loginUsers, under: { unitId: under.unitId, below: under.n, depth: under.depth }, officers, ackers, savedAcks, units: units.length }
}

export async function setAcks(db: Db, acks: Targets['savedAcks']) {
  if (!acks.length) return
  await db.query(
    `UPDATE directive_addressee a SET acknowledged_at = s.at::timestamptz, acknowledged_by = s.by
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS s(d, u, at, by) WHERE a.directive_id = s.d AND a.unit_id = s.u`,
    [acks.map((a) => a.directiveId), acks.map((a) => a.unitId), acks.map((a) => a.at), acks.map((a) => a.by)],
  )
}

/** The signed-in user as the routes see it, for calling their functions directly. */
export { userFor }
