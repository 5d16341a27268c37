// npm run bench:embedded [-- --runs N] [--keep] [--node-arg=FLAG …]
// Embedded mode's start-up, the way a newcomer meets it: a fresh data folder, a first start that
// loads the demo, then N cold starts of the server process on that folder (a new process each time;
// the operating system's file cache stays warm). For each start: the time from spawn to the first
// successful GET / (the web page) and GET /api/v1/health (the database answers), and the server's
// resident memory (VmRSS, and the peak VmHWM, from /proc/<pid>/status) after the first page, after
// signing in as a demo user and loading the demo directive's dashboard matrix, and once the
// start-up backup has been written. Prints medians and writes bench/embedded-results.json.
// Targets (issue 5): first page and API ≤ 3 s, resident memory ≤ 350 MB. Exit status 1 when a start
// fails; timings never fail a run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { SERVER_ENV, SERVER_NODE_FLAGS, freePort, memoryOf } from './server.ts'
import { median, round } from './stats.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
// What `npm start` runs once its web build step is done (tsx's CLI runs the same in a child process).
// As npm start runs it (package.json; bench/server.ts).
const SERVER = [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts']
const log = (msg: string) => process.stderr.write(msg + '\n')
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

interface Memory {
  rss_mb: number
  peak_mb: number
}

interface StartResult {
  page_ms: number
  api_ms: number
  ready_ms: number
  /** CPU time the server process used until it was ready: less sensitive to a busy machine than wall time. */
  ready_cpu_ms: number
  after_page: Memory
  signin_ms: number
  matrix_ms: number
  after_matrix: Memory
  backup_ms: number | null
  after_backup: Memory
  exit_ms: number
}

function parseArgs(argv: string[]) {
  const at = argv.indexOf('--runs')
  const runs = at >= 0 ? Number(argv[at + 1]) : 5
  if (!(runs >= 1)) throw new Error('--runs must be a positive number')
  const nodeArgs = argv.filter((a) => a.startsWith('--node-arg=')).map((a) => a.slice('--node-arg='.length))
  return { runs, isKeep: argv.includes('--keep'), nodeArgs }
}

class Server {
  readonly startedAt = performance.now()
  readonly proc: ChildProcess
  private out = ''
  private exited: number | null = null

  constructor(env: Record<string, string>, nodeArgs: string[]) {
    this.proc = spawn(process.execPath, [...nodeArgs, ...SERVER], { cwd: ROOT, env: { ...SERVER_ENV, ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    this.proc.stdout!.on('data', (d) => (this.out += d))
    this.proc.stderr!.on('data', (d) => (this.out += d))
    this.proc.once('exit', (code, signal) => (this.exited = code ?? (signal ? 128 : 1)))
  }

  elapsed = () => performance.now() - this.startedAt
  output = () => this.out
  /** User + system CPU time of the server process so far (all threads). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  }
  memory(): Memory {
    const m = memoryOf(this.proc.pid!)
    if (!m) throw new Error(`the server exited:\n${this.out.slice(-3000)}`)
    return { rss_mb: Math.round(m.rss), peak_mb: Math.round(m.peak) }
  }

  /** Polls both URLs until each has answered 200; the time of each first success, from spawn. */
  async waitReady(base: string, timeoutMs = 180_000): Promise<{ page_ms: number; api_ms: number }> {
    let page: number | null = null
    let api: number | null = null
    const ok = (path: string) => fetch(base + path).then((r) => r.ok, () => false)
    while (page === null || api === null) {
      if (this.exited !== null) throw new Error(`the server exited with code ${this.exited}:\n${this.out.slice(-3000)}`)
      if (this.elapsed() > timeoutMs) throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${this.out.slice(-3000)}`)
      const [p, a] = await Promise.all([page === null && ok('/'), api === null && ok('/api/v1/health')])
      if (p) page = this.elapsed()
      if (a) api = this.elapsed()
      if (page === null || api === null) await sleep(20)
    }
    return { page_ms: page, api_ms: api }
  }

  /** Waits for the server's own "backup written" log line (LOG_LEVEL=info); the time from spawn. */
  async waitBackup(timeoutMs = 120_000): Promise<number | null> {
    while (this.elapsed() < timeoutMs) {
      if (this.out.includes('"msg":"backup written"') || /Backup written: /.test(this.out)) return this.elapsed()
      if (this.exited !== null) return null
      await sleep(50)
    }
    return null
  }

  async stop(): Promise<number> {
    const t = performance.now()
    if (this.exited === null) {
      const done = new Promise<void>((r) => this.proc.once('exit', () => r()))
      this.proc.kill('SIGTERM')
      const isStopped = await Promise.race([done.then(() => true), sleep(30_000).then(() => false)])
      if (!isStopped) {
        this.proc.kill('SIGKILL')
        await done
      }
    }
    return performance.now() - t
  }
}

/** Signs in as the demo board member and loads the first directive's matrix, as the dashboard does. */
async function openDashboard(base: string, password: string): Promise<{ signin_ms: number; matrix_ms: number }> {
  let t = performance.now()
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'board', password }) })
  if (login.status !== 200) throw new Error(`sign-in: HTTP ${login.status} ${await login.text()}`)
  await login.json()
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const signin_ms = performance.now() - t
  t = performance.now()
  const get = async (path: string) => {
    const res = await fetch(base + path, { headers: { cookie } })
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`)
    return res.json()
  }
  const list = await get('/api/v1/directives')
  const id = list.items?.[0]?.id
  if (!id) throw new Error('the demo data has no directive')
  await get(`/api/v1/directives/${id}`)
  await get(`/api/v1/directives/${id}/matrix`)
  return { signin_ms, matrix_ms: performance.now() - t }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  // npm start builds the web app when it is stale; do that first so no start below pays for it.
  const build = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0 || !existsSync(join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('the web app could not be built (web/dist)')

  const dir = mkdtempSync(join(os.tmpdir(), 'bvct-embedded-start-'))
  const dataDir = join(dir, 'data')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = {
    BVCT_DATA_DIR: dataDir, BVCT_BACKUP_DIR: join(dir, 'backups'), PORT: String(port), HOST: '127.0.0.1',
    DATABASE_URL: '', BVCT_DEMO: '', BVCT_DEMO_PASSWORD: '', LOG_LEVEL: 'info',
  }
  const report = {
    started_at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((x) => round(x)) },
    node_args: args.nodeArgs,
    first_start: null as null | { ready_ms: number; page_ms: number; api_ms: number; after_page: Memory },
    runs: [] as StartResult[],
    median: null as null | Record<string, number | null>,
  }
  log(`Data folder: ${dataDir}; port ${port}; load average ${report.machine.loadavg.join(' / ')}`)
  try {
    // 1. The first start creates the database and loads the demo.
    const first = new Server(env, args.nodeArgs)
    try {
      const r = await first.waitReady(base)
      report.first_start = { ...r, ready_ms: Math.max(r.page_ms, r.api_ms), after_page: first.memory() }
      await first.waitBackup()
    } finally {
      await first.stop()
    }
    log(`First start (creates the database, loads the demo): ${(report.first_start.ready_ms / 1000).toFixed(1)} s, ${report.first_start.after_page.rss_mb} MB`)
    const password = readFileSync(join(dataDir, 'DEMO-PASSWORD.txt'), 'utf8').trim()

    // 2. Cold starts on the loaded folder.
    for (let i = 1; i <= args.runs; i++) {
      const s = new Server(env, args.nodeArgs)
      try {
        const ready = await s.waitReady(base)
        const ready_cpu_ms = s.cpuMs()
        const after_page = s.memory()
        const dash = await openDashboard(base, password)
        const after_matrix = s.memory()
        const backup_ms = await s.waitBackup()
        const after_backup = s.memory()
        const exit_ms = await s.stop()
        const r: StartResult = { ...ready, ready_ms: Math.max(ready.page_ms, ready.api_ms), ready_cpu_ms, after_page, ...dash, after_matrix, backup_ms, after_backup, exit_ms }
        report.runs.push(r)
        log(
          `start ${i}: page ${fmt(r.page_ms)}, API ${fmt(r.api_ms)} (CPU ${fmt(ready_cpu_ms)}); RSS ${after_page.rss_mb} MB after the page, ` +
            `${after_matrix.rss_mb} MB (peak ${after_matrix.peak_mb}) after sign-in ${fmt(r.signin_ms)} + matrix ${fmt(r.matrix_ms)}, ` +
            `peak ${after_backup.peak_mb} MB once the backup was written${backup_ms ? ` at ${fmt(backup_ms)}` : ' (no backup seen)'}`,
        )
      } finally {
        await s.stop()
      }
    }
  } finally {
    if (args.isKeep) log(`Kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }

  const m = (f: (r: StartResult) => number | null) => {
    const xs = report.runs.map(f).filter((x): x is number => x !== null)
    return xs.length ? Math.round(median(xs)) : null
  }
  report.median = {
    page_ms: m((r) => r.page_ms), api_ms: m((r) => r.api_ms), ready_ms: m((r) => r.ready_ms), ready_cpu_ms: m((r) => r.ready_cpu_ms),
    rss_after_page_mb: m((r) => r.after_page.rss_mb), rss_after_matrix_mb: m((r) => r.after_matrix.rss_mb),
    peak_after_matrix_mb: m((r) => r.after_matrix.peak_mb), peak_after_backup_mb: m((r) => r.after_backup.peak_mb),
    signin_ms: m((r) => r.signin_ms), matrix_ms: m((r) => r.matrix_ms), backup_ms: m((r) => r.backup_ms),
  }
  writeFileSync(join(ROOT, 'bench', 'embedded-results.json'), JSON.stringify(report, null, 2) + '\n')
  const md = report.median
  const rs = report.runs
  console.log(
    [
      `Embedded PGlite with the demo, ${rs.length} cold starts (medians; load average at start ${report.machine.loadavg.join(' / ')}):`,
      `  first start, demo load included: ${fmt(report.first_start!.ready_ms)}`,
      `  first page ${fmt(md.page_ms!)}, API ${fmt(md.api_ms!)} → ready ${fmt(md.ready_ms!)}, CPU ${fmt(md.ready_cpu_ms!)}   (target ≤ 3 s; runs ${rs.map((r) => fmt(r.ready_ms)).join(', ')})`,
      `  RSS after the first page ${md.rss_after_page_mb} MB; after sign-in + matrix ${md.rss_after_matrix_mb} MB (peak ${md.peak_after_matrix_mb} MB)`,
      `  peak once the start-up backup is written: ${md.peak_after_backup_mb} MB   (target ≤ 350 MB; runs ${rs.map((r) => r.after_backup.peak_mb).join(', ')})`,
      `  sign-in ${fmt(md.signin_ms!)}, directive + matrix ${fmt(md.matrix_ms!)}; backup written at ${md.backup_ms === null ? '–' : fmt(md.backup_ms)}`,
      'Written to bench/embedded-results.json',
    ].join('\n'),
  )
  return 0
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)

main().then(
  (code) => process.exit(code),
  (e) => {
    log(String(e?.stack ?? e))
    process.exit(1)
  },
)
