// read config → open database → build app → listen
import { buildApp } from './app.ts'
import { readConfig } from './config.ts'
import { backupPglite } from './db/backup.ts'
import { DataDirLockedError } from './db/lock.ts'
import { runOverdueJobIfDue } from './features/notifications/overdue.job.ts'
import { runReportReminders } from './features/reports/reminders.job.ts'
import { createMailer } from './mail/mailer.ts'
import { ensureDemoData, openDatabase, savedDemoPassword, startupBackup } from './start.ts'

const config = readConfig()
const startedAt = Date.now()

let opened
try {
  opened = await openDatabase(config)
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
const { db, release } = opened

const demo = await ensureDemoData(db, config)
const backup = await startupBackup(db, config)
const app = await buildApp({ db, config, clock: () => new Date() }, { logger: { level: config.logLevel } })
await app.listen({ port: config.port, host: config.host })

const DAY = 24 * 60 * 60 * 1000
const backupNow = () =>
  backupPglite(db, config.backupDir, config.backupKeep).then(
    (f) => app.log.info({ file: f }, 'backup written'),
    (e) => app.log.error(e, 'backup failed'),
  )
const timers: NodeJS.Timeout[] = []
// The overdue sweep runs once a calendar day; checking hourly catches the day change.
const mailer = createMailer(config.smtpUrl, { log: (line) => app.log.info(line) })
const sweep = async () => {
  await runOverdueJobIfDue(db, new Date()).catch((e) => app.log.error(e, 'overdue job failed'))
  await runReportReminders(db, mailer, new Date().toISOString().slice(0, 10), new Date()).catch((e) => app.log.error(e, 'report reminders failed'))
}
void sweep()
timers.push(setInterval(sweep, 60 * 60 * 1000).unref())
if (db.kind === 'pglite') {
  timers.push(setInterval(backupNow, DAY).unref())
  // `npm run backup` asks a running server for a backup with this signal (the data folder is locked).
  process.on('SIGUSR2', backupNow)
}

const url = `http://localhost:${config.port}`
const lines = [
  '',
  `BVCT is running at ${url}  (database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; started in ${Date.now() - startedAt} ms)`,
  `API documentation: ${url}/api/docs`,
]
if (backup) lines.push(`Backup written: ${backup}`)
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
  await db.close().catch(() => {})
  release()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
