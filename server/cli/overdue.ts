// npm run jobs:overdue -- [--as-of yyyy-mm-dd] — the daily overdue sweep, by hand.
import { rollMatrices } from '../features/dashboard/matrix.rollup.ts'
import { runOverdueJob } from '../features/notifications/overdue.job.ts'
import { openCliDatabase } from './open-db.ts'
import { vnDay } from '../lib/dates.ts'

const i = process.argv.indexOf('--as-of')
const asOf = i > 0 ? process.argv[i + 1] : vnDay(new Date())
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error('Usage: npm run jobs:overdue -- [--as-of yyyy-mm-dd]')
  process.exit(2)
}
const { db, release } = await openCliDatabase()
await rollMatrices(db, asOf)
const r = await runOverdueJob(db, asOf, new Date())
await db.close()
release()
for (const item of r.items) console.log(`${item.dueDate}  ${item.kind.padEnd(15)}  ${item.unitName}  ${item.directiveNumber ?? ''}  ${item.kind === 'action' ? item.title : ''}`)
console.log(`${r.overdue} overdue item(s) as of ${asOf}; ${r.raised} new notification(s).`)
