// The job queue's retries and dead-letter state, on PostgreSQL: a job that keeps failing is tried
// again with back-off, then recorded `dead` and copied to the dead-letter queue; the admin's view
// lists each try.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../server/db/migrate.ts'
import type { Job } from '../../server/jobs.ts'
import { DEAD_LETTER_QUEUE, startQueue } from '../../server/jobs.queue.ts'
import { requireEnv, throwawayDatabase, waitFor } from './pg.ts'

let database: Awaited<ReturnType<typeof throwawayDatabase>>
beforeAll(async () => {
  database = await throwawayDatabase(requireEnv('TEST_DATABASE_URL', 'a PostgreSQL server where it may create databases'))
  await migrate(database.db)
})
afterAll(() => database?.drop())

const quiet = { info: () => {}, error: () => {} }

describe('job queue', () => {
  it('retries a failing job, then records it dead and copies it to the dead-letter queue', async () => {
    let tries = 0
    const failing: Job = { name: 'alwaysFails', label: { vi: 'Luôn lỗi', en: 'Always fails' }, description: { vi: 'Lần nào cũng lỗi, cho phép thử này', en: 'fails every time, for this test' }, everyMs: 3_600_000, run: async () => { tries++; throw new Error(`broken ${tries}`) } }
    const ok: Job = { name: 'works', label: { vi: 'Chạy được', en: 'Works' }, description: { vi: 'Chạy thành công, cho phép thử này', en: 'succeeds, for this test' }, everyMs: 3_600_000, run: async () => ({ fine: true }) }
    const deps = { db: database.db, config: {} as never, mailer: null as never, keys: null as never }
    const queue = await startQueue(deps, quiet, { jobs: [failing, ok], retryLimit: 1, retryDelaySeconds: 1, pollSeconds: 1, tickMs: 500 })
    try {
      await waitFor(async () => (await database.db.query(`SELECT 1 FROM job_run WHERE job = 'alwaysFails' AND state = 'dead'`)).length, 60_000, 'the dead run')
    } finally {
      await queue.stop()
    }
    const runs = await database.db.query<{ job: string; attempt: number; state: string; error: string | null }>(`SELECT job, attempt, state, error FROM job_run ORDER BY id`)
    expect(runs.filter((r) => r.job === 'alwaysFails')).toEqual([
      { job: 'alwaysFails', attempt: 1, state: 'failed', error: 'broken 1' },
      { job: 'alwaysFails', attempt: 2, state: 'dead', error: 'broken 2' },
    ])
    // Offered every half second, run once in its (hour-long) period.
    expect(runs.filter((r) => r.job === 'works')).toEqual([{ job: 'works', attempt: 1, state: 'completed', error: null }])
    const [dead] = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'job' = 'alwaysFails'`, [DEAD_LETTER_QUEUE])
    expect(dead.n).toBe(1)
  })
})
