// npm run jobs:overdue -- [--as-of yyyy-mm-dd] — the daily overdue sweep, by hand: the scheduled
// jobs that roll the dashboard's figures to the day and notify what is overdue (server/jobs.ts).
import { readConfig } from '../config.ts'
import { runJobs } from '../jobs.ts'
import { isIsoDay, vnDay } from '../lib/dates.ts'
import { openKeyring } from '../lib/keyring.ts'
import { createMailer } from '../mail/mailer.ts'
import { listOverdue } from '../features/notifications/overdue.queries.ts'
import { openCliDatabase } from './open-db.ts'

const i = process.argv.indexOf('--as-of')
const asOf = i > 0 ? process.argv[i + 1] : vnDay(new Date())
if (!asOf || !isIsoDay(asOf)) {
  console.error('Usage: npm run jobs:overdue -- [--as-of yyyy-mm-dd]')
  process.exit(2)
}
const config = readConfig()
const { db, release } = await openCliDatabase()
const keys = openKeyring(config, { createIfMissing: !config.databaseUrl })
const results = await runJobs({ db, config, mailer: createMailer(config.smtpUrl), keys }, ['matrixRoll', 'overdueSweep'], { day: asOf, force: true })
const roots = (await db.query<{ path: string }>('SELECT path::text AS path FROM unit WHERE parent_id IS NULL')).map((r) => r.path)
const items = await listOverdue(db, asOf, roots)
await db.close()
release()
for (const item of items) console.log(`${item.dueDate}  ${item.kind.padEnd(15)}  ${item.unitName}  ${item.directiveNumber ?? ''}  ${item.kind === 'action' ? item.title : ''}`)
const sweep = results.overdueSweep as { overdue: number; raised: number }
console.log(`${sweep.overdue} overdue item(s) as of ${asOf}; ${sweep.raised} new notification(s).`)
