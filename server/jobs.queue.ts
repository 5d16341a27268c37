// The scheduled jobs (jobs.ts) on PostgreSQL: pg-boss, a job queue kept in the same database, so
// that any number of BVCT processes, on one machine or several, run each job once per period.
//
// Every process ticks (every `tickMs`) and offers each job for its current period: pg-boss's
// singleton slot (singletonKey = the job's name, singletonSeconds = its period, the slot computed by
// PostgreSQL's clock) lets one offer per period in and drops the others. The one job is then fetched
// by one worker (SELECT … FOR UPDATE SKIP LOCKED), retried with back-off when it fails, and after
// its last try copied to the dead-letter queue and recorded `dead` in job_run (the admin's view).
//
// Why pg-boss 10: made for exactly this on PostgreSQL, three small dependencies (cron-parser,
// serialize-error, pg, which BVCT has already), and 10.x declares node >= 20; pg-boss 11/12 and
// graphile-worker 0.18 need Node 22. Its queries go through BVCT's own pool (db/client.ts stays the
// only file that opens connections).
import PgBoss from 'pg-boss'
import { JOBS, runRecorded, type Job, type JobDeps, type JobLog } from './jobs.ts'
import { vnDay } from './lib/dates.ts'

export const QUEUE = 'bvct-jobs'
export const DEAD_LETTER_QUEUE = 'bvct-jobs-dead'
const SCHEMA = 'pgboss'
const DAY_SECONDS = 86_400

export interface QueueOptions {
  /** How often this process offers the due jobs; a period's offers after the first are dropped. */
  tickMs?: number
  /** How often an idle worker asks for a job (pg-boss polls). */
  pollSeconds?: number
  /** Tries after the first, with exponential back-off from `retryDelaySeconds`. */
  retryLimit?: number
  retryDelaySeconds?: number
  /** The jobs to run (tests hand in their own). */
  jobs?: readonly Job[]
  clock?: () => Date
}

type JobData = { job: string }

/** Starts the queue in this process: creates its tables on first use, offers due jobs, works them. */
export async function startQueue(deps: JobDeps, log: JobLog, opts: QueueOptions = {}) {
  const jobs = (opts.jobs ?? JOBS).filter((j) => !j.onlyOn || j.onlyOn === deps.db.kind)
  const clock = opts.clock ?? (() => new Date())
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => ({ rows: await deps.db.query(text, values) }) },
    schema: SCHEMA,
    // Offers are BVCT's own ticks (by period, not cron); pg-boss keeps its maintenance: expiring
    // jobs whose process died mid-run, archiving, deleting.
    schedule: false,
    supervise: true,
    // A completed job must stay in the job table (not the archive) for a whole period: its row is
    // what turns away the other processes' offers for that period. The longest period is a day.
    archiveCompletedAfterSeconds: 2 * DAY_SECONDS,
    archiveFailedAfterSeconds: 2 * DAY_SECONDS,
    deleteAfterDays: 30,
  })
  boss.on('error', (e) => log.error(e, 'job queue error'))
  await boss.start()
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE }).catch(ignoreExists)
  await boss.createQueue(QUEUE, { name: QUEUE, policy: 'standard', deadLetter: DEAD_LETTER_QUEUE }).catch(ignoreExists)

  const retryLimit = opts.retryLimit ?? 3
  const retryDelay = opts.retryDelaySeconds ?? 60
  const byName = new Map(jobs.map((j) => [j.name, j]))

  await boss.work<JobData>(QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollSeconds ?? 5, includeMetadata: true }, async ([qj]) => {
    const job = byName.get(qj.data.job)
    // Offered by a process running another version of BVCT: done, nothing to run here.
    if (!job) return { skipped: 'unknown job' }
    const now = clock()
    try {
      const result = await runRecorded(job, { ...deps, now, day: vnDay(now), force: false }, {
        runner: 'queue', queueJobId: qj.id, attempt: qj.retryCount + 1, isLastAttempt: qj.retryCount >= qj.retryLimit,
      })
      log.info({ job: job.name, result }, 'job done')
      return result ?? null
    } catch (e) {
      log.error(e, `job ${job.name} failed (try ${qj.retryCount + 1} of ${qj.retryLimit + 1})`)
      throw e
    }
  })

  /** Offers every job for its current period; the database keeps one offer per job and period. */
  const tick = async () => {
    for (const job of jobs) {
      await boss.send(QUEUE, { job: job.name } satisfies JobData, {
        singletonKey: job.name,
        singletonSeconds: Math.max(1, Math.round(job.everyMs / 1000)),
        retryLimit, retryDelay, retryBackoff: true,
        // A run longer than this is taken for lost (its process died) and tried again.
        expireInSeconds: 3_600,
        deadLetter: DEAD_LETTER_QUEUE,
      }).catch((e) => log.error(e, `job ${job.name} could not be offered`))
    }
  }
  let ticking: Promise<void> = tick()
  const timer = setInterval(() => (ticking = ticking.then(tick)), opts.tickMs ?? 60_000)
  timer.unref()

  return {
    tick: () => (ticking = ticking.then(tick)),
    /** Out of turn (a CLI asks): one more run of the job now, whatever its period. */
    runNow: (name: string) => boss.send(QUEUE, { job: name } satisfies JobData, { retryLimit, retryDelay, retryBackoff: true, deadLetter: DEAD_LETTER_QUEUE }),
    async stop() {
      clearInterval(timer)
      await ticking.catch(() => {})
      // Waits for the job being run (within main.ts's 15 s to shut down); pg-boss's pool is BVCT's, so it closes nothing.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 })
    },
  }
}

const ignoreExists = (e: unknown) => {
  if (!/already exists/i.test(String((e as Error)?.message))) throw e
}
