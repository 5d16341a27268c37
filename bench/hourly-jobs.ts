// npm run bench times the four hourly jobs together; this times each one alone, on the configured
// database (DATABASE_URL or BVCT_DATA_DIR), so a change to one job can be measured by itself:
//   tsx bench/hourly-jobs.ts [--runs N] [job ...]
// Each job runs N times in a row (default 1): on a fresh fill the first run sends what is due, the
// later ones find it sent (the steady hourly run). Prints one JSON line per run.
import { readConfig } from '../server/config.ts'
import { runJobs } from '../server/jobs.ts'
import { createMailer } from '../server/mail/mailer.ts'
import { openDatabase } from '../server/start.ts'
import { benchKeys } from './database.ts'

const HOURLY = ['keyPositionVetting', 'trainingReminders', 'correctiveReminders', 'channelReviewReminders']
const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1
const names = args.length ? args : HOURLY

const config = readConfig()
const { db, release } = await openDatabase(config, { worker: false })
const deps = { db, config, mailer: createMailer(null, { log: () => {} }), keys: benchKeys() }
try {
  for (const name of names) {
    for (let run = 1; run <= runs; run++) {
      const started = performance.now()
      const result = await runJobs(deps, [name])
      console.log(JSON.stringify({ job: name, run, ms: Math.round(performance.now() - started), result: result[name] }))
    }
  }
} finally {
  await db.close()
  release()
}
