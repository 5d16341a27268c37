// read config → open database → build app → listen
import { readConfig } from './config.ts'
import { vnDay } from './lib/dates.ts'
import { DataDirLockedError } from './db/lock.ts'
import { ensureDemoData, openDatabase, savedDemoPassword, whenOpen } from './start.ts'

const config = readConfig()
const startedAt = Date.now()
const STARTUP_BACKUP_DELAY_MS = 5_000

// The database opens (embedded: PGlite starting in its worker thread) while the rest of the server
// loads and the app is built: on two cores the two overlap, which is most of a cold start.
const opening = openDatabase(config)
opening.catch(() => {}) // awaited below; this only keeps a failure from crashing the process first
const db = whenOpen(opening, config.databaseUrl ? 'postgres' : 'pglite')
const [{ buildApp }, { backupPglite }, { runOverdueJobIfDue }, { runReportReminders }, { createMailer }] = await Promise.all([
  import('./app.ts'),
  import('./db/backup.ts'),
  import('./features/notifications/overdue.job.ts'),
  import('./features/reports/reminders.job.ts'),
  import('./mail/mailer.ts'),
])
const app = await buildApp({ db, config, clock: () => new Date() }, { logger: { level: config.logLevel } })

let release: () => void
try {
  ;({ release } = await opening)
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}

const demo = await ensureDemoData(db, config)
await app.listen({ port: config.port, host: config.host })

const DAY = 24 * 60 * 60 * 1000
// One backup at a time; shutdown waits for the one being written.
let backupRunning: Promise<unknown> = Promise.resolve()
const backupNow = () =>
  (backupRunning = backupRunning.then(() =>
    backupPglite(db, config.backupDir, config.backupKeep).then(
      (f) => app.log.info({ file: f }, 'backup written'),
      (e) => app.log.error(e, 'backup failed'),
    ),
  ))
const timers: NodeJS.Timeout[] = []
// The overdue sweep runs once a calendar day; checking hourly catches the day change.
const mailer = createMailer(config.smtpUrl, { log: (line) => app.log.info(line) })
const sweep = async () => {
  await runOverdueJobIfDue(db, new Date()).catch((e) => app.log.error(e, 'overdue job failed'))
  await runReportReminders(db, mailer, vnDay(new Date()), new Date()).catch((e) => app.log.error(e, 'report reminders failed'))
}
if (db.kind === 'pglite') {
  // PGlite never fsyncs, so embedded mode snapshots its data at every start and every day. The
  // start-up snapshot waits a few seconds, so that it neither delays nor competes with the first
  // page and sign-in (requests wait while it copies the data folder: backup.ts); the daily jobs,
  // which may write, run after it.
  timers.push(setTimeout(() => void backupNow().then(sweep), STARTUP_BACKUP_DELAY_MS))
  timers.push(setInterval(backupNow, DAY).unref())
  // `npm run backup` asks a running server for a backup with this signal (the data folder is locked).
  process.on('SIGUSR2', backupNow)
} else {
  void sweep()
}
timers.push(setInterval(sweep, 60 * 60 * 1000).unref())

const url = `http://localhost:${config.port}`
const lines = [
  '',
  `BVCT is running at ${url}  (database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; started in ${Date.now() - startedAt} ms)`,
  `API documentation: ${url}/api/docs`,
]
if (db.kind === 'pglite') lines.push(`Backups: ${config.backupDir} (one shortly after every start and every day; the newest ${config.backupKeep} are kept)`)
if (config.demo) {
  const password = demo?.password ?? config.demoPassword ?? savedDemoPassword(config)
  lines.push(
    demo ? 'Demo data loaded.' : 'Demo data was loaded at an earlier start.',
    'Demo accounts: admin, committee, board, inspector, auditor, staff, and for each unit head.<code> / officer.<code> (e.g. head.bvbm, officer.bvbm)',
    `Demo password: ${password ?? '(set at the first start; see README)'}`,
  )
}
console.log(lines.join('\n') + '\n')

let isClosing = false
async function shutdown() {
  if (isClosing) return
  isClosing = true
  timers.forEach(clearInterval)
  await app.close().catch(() => {})
  // A backup being written is finished first, so it is not lost.
  await backupRunning
  await db.close().catch(() => {})
  release()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
