// read config → open database → build app → listen
import { setFlagsFromString } from 'node:v8'
import { readConfig } from './config.ts'
import { MissingKeyError, openKeyring, type Keyring } from './lib/keyring.ts'
import { sealLegacyTotpSecrets } from './features/auth/totp-secrets.ts'
import { StartupError } from './db/errors.ts'
import { ensureDemoData, openDatabase, savedDemoPassword, whenOpen } from './start.ts'

// V8 grows its heap to 1.1–4× what survives a collection; under 8 clients at 5,000 units the server
// then held 230–350 MB. Grown by 30 %, it collects more often: the pages peak at 160–185 MB, the
// consolidated .docx (its thread) at 270, and throughput measured the same (bench/RESULTS.md).
// NODE_OPTIONS does not take this V8 flag, hence set here; BVCT_HEAP_GROWTH_PERCENT=0 gives V8's own.
setFlagsFromString(`--heap-growing-percent=${Number(process.env.BVCT_HEAP_GROWTH_PERCENT ?? 30)}`)
// Everything this process creates — data, backups, keys, anchors — is its owner's alone (0700/0600).
process.umask(0o077)
const config = readConfig()
// BVCT_PROCESSES=N: this process only supervises N servers (cluster.ts); each of them runs the rest.
if (config.processes > 1) {
  const { isClusterWorker, superviseWorkers } = await import('./cluster.ts')
  if (!config.databaseUrl) {
    console.error(`BVCT_PROCESSES=${config.processes} is ignored: embedded PGlite is one process by nature (its data folder has one owner). Set DATABASE_URL to a PostgreSQL database to run several processes. Starting one process.`)
  } else if (!isClusterWorker()) {
    await superviseWorkers(config.processes)
  }
}
const startedAt = Date.now()
// Confidential records need the master key before anything else: embedded mode makes one at the
// first start; PostgreSQL mode refuses to start without one (lib/keyring.ts says which settings).
let keys: Keyring
try {
  keys = openKeyring(config, { createIfMissing: !config.databaseUrl })
} catch (e) {
  if (!(e instanceof MissingKeyError)) throw e
  console.error(e.message)
  process.exit(1)
}
const STARTUP_BACKUP_DELAY_MS = 5_000

// The database opens (embedded: PGlite starting in its worker thread) while the rest of the server
// loads and the app is built: on two cores the two overlap, which is most of a cold start.
const opening = openDatabase(config, { timeoutMs: config.dbTimeoutMs })
opening.catch(() => {}) // awaited below; this only keeps a failure from crashing the process first
const db = whenOpen(opening, config.databaseUrl ? 'postgres' : 'pglite')
const [{ buildApp }, { runJobs, startJobs }, { startQueue }, { createMailer }] = await Promise.all([import('./app.ts'), import('./jobs.ts'), import('./jobs.queue.ts'), import('./mail/mailer.ts')])
// Without SMTP_URL, mail goes to the server's log (the app's logger, once it exists).
let logLine = (line: string) => console.log(line)
const mailer = createMailer(config.smtpUrl, { log: (line) => logLine(line) })
const app = await buildApp({ db, config, clock: () => new Date(), mailer, keys }, { logger: { level: config.logLevel } })
logLine = (line) => app.log.info(line)

let release: () => void
try {
  ;({ release } = await opening)
} catch (e) {
  // A folder it may not write, a full disk, a lock held, a database it cannot reach: one sentence.
  if (e instanceof StartupError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}

// TOTP secrets an earlier version stored in clear are sealed once (a no-op after that).
await sealLegacyTotpSecrets(db, keys)
const demo = await ensureDemoData(db, config, keys)
try {
  await app.listen({ port: config.port, host: config.host })
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e
  console.error(`Cannot start: port ${config.port} ${code === 'EADDRINUSE' ? 'is in use by another program' : 'may not be used by this user'}; set PORT to another one.`)
  await db.close().catch(() => {})
  release()
  process.exit(1)
}

// Every scheduled job (server/jobs.ts). On PostgreSQL, through the job queue: however many processes
// run, each job runs once per period. Embedded mode's in-process scheduler waits a few seconds for
// its first tick, so that the start-up backup neither delays nor competes with the first page and
// sign-in (requests wait while it copies the data folder: backup.ts); the jobs that may write run after it.
const jobs = db.kind === 'postgres'
  ? await startQueue({ db, config, mailer, keys }, app.log, { tickMs: config.jobsTickMs, pollSeconds: config.jobsPollSeconds })
  : startJobs({ db, config, mailer, keys }, app.log, { firstTickDelayMs: STARTUP_BACKUP_DELAY_MS })
// `npm run backup` asks a running embedded server for a backup with this signal (the data folder is locked).
if (db.kind === 'pglite') process.on('SIGUSR2', () => void jobs.runNow('backup'))

const url = `http://localhost:${config.port}`
const lines = [
  '',
  `BVCT is running at ${url}  (database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; started in ${Date.now() - startedAt} ms)`,
  `API documentation: ${url}/api/docs`,
]
if (db.kind === 'pglite') lines.push(`Backups: ${config.backupDir} (one shortly after every start and every day; the newest ${config.backupKeep} are kept)`)
lines.push(`Master key for confidential records: ${keys.source} (keep a copy apart from the backups: they cannot be read without it)`)
if (config.demo) {
  const password = demo?.password ?? config.demoPassword ?? savedDemoPassword(config)
  lines.push(
    demo ? 'Demo data loaded.' : 'Demo data was loaded at an earlier start.',
    'Demo accounts: admin, committee, board, inspector, auditor, staff, staff.cr, and for each unit head.<code> / officer.<code> (e.g. head.bvbm, officer.bvbm)',
    `Demo password: ${password ?? '(set at the first start; see README)'}`,
  )
}
console.log(lines.join('\n') + '\n')

const SHUTDOWN_LIMIT_MS = 15_000
let isClosing = false
async function shutdown() {
  // A second signal, or a database that will not let go, still ends the process.
  if (isClosing) process.exit(1)
  isClosing = true
  setTimeout(() => {
    console.error(`Stopped without a clean shutdown: still busy after ${SHUTDOWN_LIMIT_MS / 1000} s.`)
    release()
    process.exit(1)
  }, SHUTDOWN_LIMIT_MS).unref()
  await app.close().catch(() => {})
  // A job being run (a backup being written) is finished first, so it is not lost.
  await jobs.stop()
  // The log's last head is signed on the way out: nothing written since the last anchor goes unanchored.
  await runJobs({ db, config, mailer, keys }, ['auditAnchor']).catch((e) => app.log.error(e, 'final audit anchor failed'))
  await db.close().catch(() => {})
  release()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
