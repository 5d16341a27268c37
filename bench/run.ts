// npm run bench [-- --quick] [-- --units N --people-per-unit M --directives D …] [--record] [--reset]
//   [--concurrency C] [--duration SECONDS] [--only "matrix flat,unit tree"]
// Fills a database at the chosen scale (or reuses one that holds it), times each endpoint's own
// functions directly on it, then boots the real server and measures the endpoints over HTTP.
// Exit status: 0 when every measured request succeeded; 1 when the server failed or any request
// errored. It asserts nothing about timings.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseScaleArgs, type ScaleOptions } from '../server/db/seed/scale/options.ts'
import { stderrProgress } from '../server/db/seed/scale/progress.ts'
import { verifyAuditChain } from '../server/features/audit/audit.verify.ts'
import { totpCode } from '../server/features/auth/totp.ts'
import { readConfig } from '../server/config.ts'
import { runJobs } from '../server/jobs.ts'
import { runOverdueJob } from '../server/features/notifications/overdue.job.ts'
import { createMailer } from '../server/mail/mailer.ts'
import { BENCH_PASSWORD, BENCH_TOTP_SECRET, benchKeys, benchTarget, ensureScale, openBenchDb, prepareTargets, setAcks, type Targets } from './database.ts'
import { ENDPOINTS, type Caller, type Endpoint, type LoopState } from './endpoints.ts'
import { HttpClient, type Session } from './http.ts'
import { startupJobsSettled } from './jobs-settle.ts'
import { runLoad, timeDirect, type LoadPlan } from './load.ts'
import { describeScale, recordMarkdown, tableLines, writeJson, type BenchReport, type ResultRow } from './report.ts'
import { BENCH_MASTER_KEY, memoryOf, startServer } from './server.ts'
import { vnDay } from '../server/lib/dates.ts'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const ROOT = join(BENCH_DIR, '..')
const log = (msg: string) => process.stderr.write(msg + '\n')

// The 1× point of the scaling curve by default; --quick is CI's smoke run, well under a minute.
const FULL: Partial<ScaleOptions> = { units: 50, peoplePerUnit: 100, directives: 20, requirementsMin: 9, requirementsMax: 9, addressees: 'all' }
const QUICK: Partial<ScaleOptions> = { units: 50, peoplePerUnit: 30, directives: 2, requirementsMin: 9, requirementsMax: 9, addressees: 'all' }

function parseArgs(argv: string[]) {
  const isQuick = argv.includes('--quick')
  const { options, flags, rest } = parseScaleArgs(argv, ['--quick', '--record', '--reset', '--direct-only', '--concurrency', '--duration', '--only'], isQuick ? QUICK : FULL)
  const concurrency = Number(rest.get('--concurrency') ?? (isQuick ? 4 : 8))
  const duration = Number(rest.get('--duration') ?? (isQuick ? 1 : 10))
  if (!(concurrency >= 1 && duration > 0)) throw new Error('--concurrency and --duration must be positive')
  const load: LoadPlan = { phase: 'load', concurrency, durationMs: duration * 1000, warmupMs: isQuick ? 250 : 2000 }
  // One client: the latency a user sees (p50 and p95 of a few hundred requests after a short warm-up).
  const serial: LoadPlan = { phase: 'serial', concurrency: 1, durationMs: isQuick ? 300 : 4000, warmupMs: isQuick ? 0 : 300, maxRequests: isQuick ? 15 : 400 }
  // The throughput target: one unit's plan with 50 concurrent clients.
  const wide: LoadPlan = { ...load, concurrency: isQuick ? 10 : 50 }
  const direct = { budgetMs: isQuick ? 300 : 2000, maxRuns: isQuick ? 5 : 20 }
  // --direct-only: the sql ms column alone (the scale curve at 50,000 units, where the hourly jobs'
  // first run on a new fill takes the better part of an hour and the server would run them at start).
  // --only "matrix flat,unit tree": the endpoints whose names contain one of these (iterating on a few rows).
  const only = rest.get('--only')?.split(',').map((s) => s.trim()).filter(Boolean)
  if (only && flags.has('--record')) throw new Error('--only measures a subset: it cannot --record')
  const endpoints = only ? ENDPOINTS.filter((ep) => only.some((o) => ep.name.includes(o))) : ENDPOINTS
  if (only && !endpoints.length) throw new Error(`--only ${only.join(',')}: no endpoint's name contains it`)
  return { options, endpoints, isQuick, isRecord: flags.has('--record'), isReset: flags.has('--reset'), isDirectOnly: flags.has('--direct-only'), load, serial, wide, direct }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  const dataDir = join(BENCH_DIR, '.data')
  mkdirSync(dataDir, { recursive: true })
  const target = benchTarget(process.env, join(dataDir, 'pglite'))
  const report: BenchReport = {
    database: target.kind, scale: {}, reused: false, generation_ms: null, concurrency: args.load.concurrency, duration_s: args.load.durationMs / 1000,
    machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, memory: { idle_mb: null, peak_mb: null }, results: [], skipped: [], started_at: new Date().toISOString(),
  }
  const asOf = vnDay(new Date())
  const rows = new Map<string, ResultRow>()
  let failures = 0

  // 1. The data, the bench accounts, and the SQL-direct timings (PGlite: before the server opens the folder).
  let t: Targets
  {
    const { db, release } = await openBenchDb(target)
    try {
      log(`Database: ${target.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${target.config.dataDir}`}`)
      const filled = await ensureScale(db, args.options, { force: args.isReset, progress: stderrProgress() })
      report.reused = filled.reused
      report.generation_ms = filled.generationMs
      const [state] = await db.query<{ value: any }>(`SELECT value FROM app_state WHERE key = 'seed.scale'`)
      report.scale = state.value.scale
      log(`${filled.reused ? 'Reusing' : 'Generated'}: ${describeScale(report)}${filled.generationMs ? ` in ${(filled.generationMs / 1000).toFixed(1)} s` : ''}`)
      t = await prepareTargets(db, args.load.concurrency, asOf)
      log(`Directive ${t.directiveId}; expanded subtree: unit ${t.under.unitId} with ${t.under.below} units below, ${t.under.depth} levels`)
      // The daily overdue sweep runs at the server's start; run it here so it is timed and does not
      // compete with the measurements. The dashboard's day roll goes first (as in the job list), and
      // the sweep is run whether or not it ran today, so every run times it (a second run the same
      // day counts the same and raises nothing new).
      await runJobs({ db, config: readConfig(), mailer: createMailer(null, { log: () => {} }), keys: benchKeys() }, ['matrixRoll'])
      const started = performance.now()
      const sweep = await runOverdueJob(db, asOf, new Date())
      rows.set('overdue sweep (daily job)', {
        name: 'overdue sweep (daily job)', p50_ms: null, p95_ms: null, rps: null, sql_ms: performance.now() - started, overhead_ratio: null,
        note: `${sweep.overdue} overdue in ${sweep.units.length} units, ${sweep.raised} new digests`,
      })
      log(`  overdue sweep: ${(performance.now() - started).toFixed(0)} ms, ${rows.get('overdue sweep (daily job)')!.note}`)
      // The hourly jobs of key positions, training, corrective actions and channel reviews also run
      // at the server's start: the first run on a new fill sends what is due (reminders, notices),
      // later ones find it sent. Run here, they are timed and leave the measurements alone.
      const hourlyStarted = performance.now()
      const hourly = args.isDirectOnly ? {} : await runJobs({ db, config: readConfig(), mailer: createMailer(null, { log: () => {} }), keys: benchKeys() },
        ['keyPositionVetting', 'trainingReminders', 'correctiveReminders', 'channelReviewReminders'])
      const vetting = hourly.keyPositionVetting as { checked: number; raised: number } | undefined
      if (!args.isDirectOnly) rows.set('hourly jobs (vetting, reminders)', {
        name: 'hourly jobs (vetting, reminders)', p50_ms: null, p95_ms: null, rps: null, sql_ms: performance.now() - hourlyStarted, overhead_ratio: null,
        note: vetting ? `${vetting.checked} holders checked, ${vetting.raised} alerts raised` : undefined,
      })
      log(`  hourly jobs: ${(performance.now() - hourlyStarted).toFixed(0)} ms ${JSON.stringify(hourly)}`)
      for (const ep of args.endpoints) {
        if (!ep.direct || (ep.available && !ep.available(t))) continue
        const fn = await ep.direct(db, t)
        const ms = await timeDirect(fn, args.direct.budgetMs, ep.name === 'acknowledge' ? Math.min(args.direct.maxRuns, t.ackers.at(-1)!.pool.length - 1) : args.direct.maxRuns)
        rows.set(ep.name, { name: ep.name, p50_ms: null, p95_ms: null, rps: null, sql_ms: ms, overhead_ratio: null })
        log(`  direct ${ep.name}: ${ms.toFixed(2)} ms`)
      }
    } finally {
      await db.close()
      release()
    }
  }

  // 2. The real server, measured over HTTP.
  // The server and the audit:verify CLI share the bench's master key, and this run's audit anchors
  // (a regenerated database would not hold an earlier run's).
  const anchorDir = join(dataDir, 'audit-anchors')
  rmSync(anchorDir, { recursive: true, force: true })
  const env: Record<string, string> = {
    BVCT_MASTER_KEY: BENCH_MASTER_KEY, BVCT_AUDIT_ANCHOR_DIR: anchorDir,
    // Its worker asks the queue for a job every second, not every 5 s: pg-boss waits a whole polling
    // interval after each fetch, even one that found a job, so the 16 jobs the server offers as it
    // starts ran 5 s apart (78 s for ~30 s of work at 50,000 units) and the bench waits for them.
    BVCT_JOBS_POLL_SECONDS: '1',
    ...(target.kind === 'postgres'
      ? { DATABASE_URL: target.config.databaseUrl! }
      : { BVCT_DATA_DIR: target.config.dataDir, BVCT_BACKUP_DIR: join(dataDir, 'backups'), BVCT_BACKUP_KEEP: '1' }),
  }
  let server
  if (args.isDirectOnly) log('--direct-only: no server, no HTTP rows')
  else try {
    server = await startServer(env, join(dataDir, 'server.log'))
  } catch (e: any) {
    log(`FAILED: ${e.message}`)
    await restoreAcks(target, t)
    return 1
  }
  const http = server && new HttpClient(server.port, Math.max(args.load.concurrency, args.wide.concurrency) * 2)
  if (server && http) try {
    const docs = await http.send({ method: 'GET', path: '/api/docs/json' })
    const paths: Record<string, Record<string, unknown>> = docs.status === 200 ? JSON.parse(docs.body.toString()).paths ?? {} : {}
    const exists = (ep: Endpoint) => {
      if (docs.status !== 200) return true
      const [method, path] = ep.route.split(' ')
      return !!paths[path]?.[method.toLowerCase()]
    }
    const sessions = await signIn(http, t, args.load.concurrency)
    const settled = await startupJobsSettled(http, sessions.admin[0]!, { since: server.startedAt, quietMs: 3_000, timeoutMs: 10 * 60_000 })
    log(`  the server's start-up jobs: ${settled.runs} runs, settled ${(settled.waitedMs / 1000).toFixed(1)} s after signing in`)
    report.memory.idle_mb = memoryOf(server.pid)?.rss ?? null
    for (const ep of args.endpoints) {
      if (!exists(ep) || (ep.available && !ep.available(t))) {
        report.skipped.push(`${ep.name} (${ep.route})`)
        continue
      }
      server.resetPeak()
      const states: LoopState[] = Array.from({ length: args.load.concurrency }, (_, client) => ({ client, n: 0, phase: 'load', t, scratch: {} }))
      const load = await runLoad(ep, http, t, sessions[ep.as], args.load, states)
      const serial = await runLoad(ep, http, t, sessions[ep.as], args.serial, states)
      const row = rows.get(ep.name) ?? { name: ep.name, p50_ms: null, p95_ms: null, rps: null, sql_ms: null, overhead_ratio: null }
      Object.assign(row, {
        p50_ms: load.p50, p95_ms: load.p95, rps: load.rps, serial_ms: serial.requests ? serial.p50 : null, serial_p95_ms: serial.requests ? serial.p95 : null,
        requests: load.requests + serial.requests,
        errors: load.errors + serial.errors, rss_peak_mb: server.sampledPeak(),
      })
      row.overhead_ratio = row.sql_ms && row.serial_ms ? row.serial_ms / row.sql_ms : null
      rows.set(ep.name, row)
      if (row.errors) {
        failures++
        log(`  ${ep.name}: ${row.errors} errors, e.g. ${[...load.errorSamples, ...serial.errorSamples][0]}`)
      }
      if (!row.requests) {
        failures++
        log(`  ${ep.name}: no request completed`)
      }
      log(`  http ${ep.name}: p50 ${load.p50.toFixed(1)} ms, ${load.rps.toFixed(0)} req/s; one client p50 ${serial.p50.toFixed(1)} ms, p95 ${serial.p95.toFixed(1)} ms`)
      if (ep.wide) {
        // Many clients sharing the loops' sessions (a GET needs no CSRF token, so sharing is harmless).
        const name = `${ep.name} (${args.wide.concurrency} clients)`
        const shared = Array.from({ length: args.wide.concurrency }, (_, i) => sessions[ep.as][i % sessions[ep.as].length])
        const wideStates: LoopState[] = shared.map((_, client) => ({ client: client % args.load.concurrency, n: 0, phase: 'load', t, scratch: {} }))
        server.resetPeak()
        const many = await runLoad(ep, http, t, shared, args.wide, wideStates)
        rows.set(name, { name, p50_ms: many.p50, p95_ms: many.p95, rps: many.rps, sql_ms: null, overhead_ratio: null, requests: many.requests, errors: many.errors, rss_peak_mb: server.sampledPeak() })
        if (many.errors) {
          failures++
          log(`  ${name}: ${many.errors} errors, e.g. ${many.errorSamples[0]}`)
        }
        log(`  http ${name}: p50 ${many.p50.toFixed(1)} ms, p95 ${many.p95.toFixed(1)} ms, ${many.rps.toFixed(0)} req/s`)
      }
    }
    report.memory.peak_mb = memoryOf(server.pid)?.peak ?? null
  } catch (e: any) {
    log(`FAILED: ${e.stack ?? e.message}`)
    failures++
  } finally {
    http.close()
    await server.stop()
  }

  // 3. After the server: put acknowledgements back, and verify the audit chain (CLI and direct).
  {
    const { db, release } = await openBenchDb(target)
    try {
      await setAcks(db, t.savedAcks)
      const started = performance.now()
      const v = await verifyAuditChain(db)
      const ms = performance.now() - started
      if (!v.ok) {
        failures++
        log(`  audit chain broken: ${v.message}`)
      }
      rows.set('audit:verify', { name: 'audit:verify', p50_ms: null, p95_ms: null, rps: null, sql_ms: ms, overhead_ratio: null, errors: v.ok ? 0 : 1, note: `${v.count} entries` })
    } finally {
      await db.close()
      release()
    }
  }
  if (!args.isQuick) {
    // The command an operator runs, start-up included (the quick run skips its few seconds of tsx start).
    const started = performance.now()
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' })
    const row = rows.get('audit:verify')!
    row.p50_ms = performance.now() - started
    row.overhead_ratio = row.sql_ms ? row.p50_ms / row.sql_ms : null
    if (cli.status !== 0) {
      failures++
      row.errors = (row.errors ?? 0) + 1
      log(`  npm run audit:verify failed: ${cli.stderr || cli.stdout}`)
    }
  }

  report.results = [...rows.values()]
  console.log(`\n${target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${describeScale(report)}`)
  console.log(`${args.load.concurrency} clients × ${report.duration_s} s per endpoint; server RSS idle ${report.memory.idle_mb?.toFixed(0)} MB, peak ${report.memory.peak_mb?.toFixed(0)} MB` +
    `${report.generation_ms ? `; generated in ${(report.generation_ms / 1000).toFixed(1)} s` : report.reused ? '; reused an earlier fill' : ''}`)
  console.log('serial ms: one client; ratio: serial ms ÷ sql ms (the route\'s own function called directly); audit:verify p50 is the CLI\'s wall time')
  console.log(tableLines(report).join('\n'))
  if (report.skipped.length) console.log(`Skipped (not in this server): ${report.skipped.join(', ')}`)
  writeJson(join(BENCH_DIR, 'results.json'), report)
  if (args.isRecord) recordMarkdown(join(BENCH_DIR, 'RESULTS.md'), report)
  console.log(failures ? `\nFAILED: ${failures} endpoint(s) with errors` : '\nAll requests succeeded.')
  return failures ? 1 : 0
}

/**
 * One session per client loop and caller kind. The board signs in once, with its second factor (a
 * code is accepted once), and its loops share that session: they only read, so no CSRF token is at stake.
 */
async function signIn(http: HttpClient, t: Targets, n: number): Promise<Record<Caller, (Session | null)[]>> {
  const loops = Array.from({ length: n }, (_, i) => i)
  const boardSession = await http.login(t.board.username, BENCH_PASSWORD, totpCode(BENCH_TOTP_SECRET, new Date()))
  const board = loops.map(() => boardSession)
  const adminSession = await http.login(t.admin.username, BENCH_PASSWORD, totpCode(BENCH_TOTP_SECRET, new Date()))
  const admin = loops.map(() => adminSession)
  const officer = await Promise.all(loops.map((i) => http.login(t.officers[i].username, BENCH_PASSWORD)))
  const acker = await Promise.all(loops.map((i) => http.login(t.ackers[i].username, BENCH_PASSWORD)))
  return { board, admin, officer, acker, anonymous: loops.map(() => null) }
}

async function restoreAcks(target: ReturnType<typeof benchTarget>, t: Targets) {
  const { db, release } = await openBenchDb(target)
  try {
    await setAcks(db, t.savedAcks)
  } finally {
    await db.close()
    release()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? String(e))
    process.exit(1)
  },
)
