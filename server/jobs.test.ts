// The scheduled jobs, as the server runs them: one list, one scheduler, due jobs in list order,
// a failed job tried again at the next tick, stop waiting for the job being run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from './db/seed/builders.ts'
import { JOBS, jobNamed, runJobs, startJobs } from './jobs.ts'
import { createMailer } from './mail/mailer.ts'
import { createTestApp, seedFixture, testClock, type Fixture, type TestApp } from '../test/app.ts'

let t: TestApp
let f: Fixture
const mailer = createMailer(null, { log: () => {} })
const HOUR = 3_600_000

function recordingLog() {
  const done: string[] = []
  const failed: string[] = []
  return { done, failed, info: (o: { job?: string }) => o.job && done.push(o.job), error: (_e: unknown, msg: string) => failed.push(msg) }
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], requirements: 1, ackDueDate: '2026-03-10', planDueDate: '2026-03-15' })
})
afterAll(() => t.close())

describe('jobs', () => {
  it('are listed once, each with a name, a description and a period', () => {
    const names = JOBS.map((j) => j.name)
    // The orders that matter: the log is anchored before and beside a backup; the figures roll to
    // the new day before the overdue sweep reads them.
    expect(names.slice(0, 2)).toEqual(['backup', 'auditAnchor'])
    expect(names.indexOf('matrixRoll')).toBeLessThan(names.indexOf('overdueSweep'))
    expect(names).toEqual(expect.arrayContaining(['caseDeadlines', 'casePurge', 'keyRotation', 'reportReminders']))
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length)
    for (const j of JOBS) for (const text of [j.description.vi, j.description.en]) expect(text.length).toBeGreaterThan(10)
    for (const j of JOBS) expect(j.label.vi && j.label.en && j.label.vi !== j.label.en).toBeTruthy()
    expect(() => jobNamed('nothing')).toThrow(/No job named nothing/)
  })

  it('run by name for a given Vietnamese day, forced or once a day', async () => {
    const r = await runJobs({ db: t.db, config: t.config, mailer, keys: t.keys }, ['overdueSweep', 'matrixRoll'], { now: new Date('2026-03-19T17:30:00Z'), day: '2026-03-20', force: true })
    // List order, whatever order the names were given in.
    expect(Object.keys(r)).toEqual(['matrixRoll', 'overdueSweep'])
    expect(r.overdueSweep).toMatchObject({ asOf: '2026-03-20', overdue: 2 })
    const [state] = await t.db.query<{ as_of: string }>('SELECT as_of::text FROM matrix_rollup_state LIMIT 1')
    expect(state.as_of).toBe('2026-03-20')
  })

  it('are run by the scheduler when due, in list order, and not again within their period', async () => {
    const clock = testClock(new Date('2026-03-21T01:00:00Z'))
    const log = recordingLog()
    const jobs = startJobs({ db: t.db, config: t.config, mailer, keys: t.keys }, log, { clock, firstTickDelayMs: 60_000, tickMs: 60 * 60_000 })
    await jobs.tick()
    // The embedded backup runs on PGlite only; a test's in-memory PGlite has no folder to back up,
    // so there it fails (and is logged) without holding up the others.
    const expected = JOBS.map((j) => j.name).filter((n) => n !== 'backup')
    expect(log.done).toEqual(expected)
    expect(log.failed).toEqual(t.db.kind === 'pglite' ? ['job backup failed'] : [])
    const [last] = await t.db.query<{ value: string }>(`SELECT value FROM app_state WHERE key = 'overdueJob.lastRun'`)
    expect(JSON.parse(JSON.stringify(last.value))).toBe('2026-03-21')
    // Ten minutes on, only the five-minute jobs are due again.
    clock.advance(10 * 60_000)
    await jobs.tick()
    const frequent = JOBS.filter((j) => j.everyMs <= 10 * 60_000).map((j) => j.name)
    expect(frequent).toEqual(expect.arrayContaining(['auditAnchor', 'keyRotation']))
    expect(log.done.slice(expected.length)).toEqual(frequent)
    // An hour on, the hourly ones too; the daily ones (the purge among them) not yet.
    clock.advance(HOUR)
    await jobs.tick()
    const hourly = JOBS.filter((j) => j.everyMs <= HOUR && j.name !== 'backup').map((j) => j.name)
    expect(hourly).not.toContain('casePurge')
    expect(log.done.slice(expected.length + frequent.length)).toEqual(hourly)
    await jobs.stop()
    // Every run is recorded for the admin's view, the failed backup too, with its error.
    const runs = await t.db.query<{ job: string; state: string; runner: string; error: string | null }>(`SELECT job, state, runner, error FROM job_run WHERE runner = 'scheduler' ORDER BY id`)
    expect(runs.filter((r) => r.state === 'completed').map((r) => r.job)).toEqual([...expected, ...frequent, ...hourly])
    if (t.db.kind === 'pglite') expect(runs.find((r) => r.job === 'backup')).toMatchObject({ state: 'failed', error: expect.any(String) })
  })

  it('keep 30 days of runs', async () => {
    await t.db.query(`INSERT INTO job_run (job, runner, state, process, started_at) VALUES ('old', 'scheduler', 'completed', 'test', '2026-01-01T00:00:00Z'), ('recent', 'scheduler', 'completed', 'test', '2026-03-01T00:00:00Z')`)
    const r = await runJobs({ db: t.db, config: t.config, mailer, keys: t.keys }, ['jobRunPurge'], { now: new Date('2026-03-15T00:00:00Z') })
    expect(r.jobRunPurge).toEqual({ deleted: 1 })
    expect((await t.db.query<{ job: string }>(`SELECT job FROM job_run WHERE job IN ('old', 'recent')`)).map((x) => x.job)).toEqual(['recent'])
  })

  it("are listed for an admin with their last run, newest runs first, and to nobody else", async () => {
    const admin = await t.login('admin.a')
    const res = await t.call(admin, 'GET', '/api/v1/admin/jobs?limit=5')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.runner).toBe(t.db.kind === 'postgres' ? 'queue' : 'scheduler')
    expect(body.jobs.map((j: { name: string }) => j.name)).toContain('overdueSweep')
    const sweep = body.jobs.find((j: { name: string }) => j.name === 'overdueSweep')
    expect(sweep.lastRun).toMatchObject({ state: 'completed', durationMs: expect.any(Number) })
    // Described in both languages, for the page in the reader's.
    expect(sweep.description.vi).toMatch(/quá hạn/)
    expect(sweep.description.en).toMatch(/overdue/)
    expect(body.items).toHaveLength(5)
    const started = body.items.map((r: { startedAt: string }) => r.startedAt)
    expect([...started].sort().reverse()).toEqual(started)
    const failed = await t.call(admin, 'GET', '/api/v1/admin/jobs?state=failed')
    for (const r of failed.json().items) expect(r.state).toBe('failed')
    expect((await t.call(await t.login('board.a'), 'GET', '/api/v1/admin/jobs')).statusCode).toBe(403)
  })

  it('log a failed job and try it again at the next tick; stop waits for the job being run', async () => {
    const clock = testClock(new Date('2026-03-22T01:00:00Z'))
    const log = recordingLog()
    // A database that answers nothing but an error, after a moment: every job fails, the scheduler goes on.
    const down = async () => {
      await new Promise((r) => setTimeout(r, 30))
      throw new Error('database down')
    }
    const broken = { ...t.db, query: down, transaction: down }
    const jobs = startJobs({ db: broken, config: { ...t.config, backupDir: '/nonexistent/bvct' }, mailer, keys: t.keys }, log, { clock, firstTickDelayMs: 60_000, tickMs: 60 * 60_000 })
    await jobs.tick()
    expect(log.failed.length).toBeGreaterThanOrEqual(3)
    const failedOnce = log.failed.length
    await jobs.tick()
    expect(log.failed.length).toBe(2 * failedOnce)
    void jobs.runNow('matrixRoll')
    await new Promise((r) => setTimeout(r, 5))
    // The roll is under way: stop returns only once it has ended.
    await jobs.stop()
    expect(log.failed.length).toBe(2 * failedOnce + 1)
  })
})
