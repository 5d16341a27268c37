// The server runs every due scheduled job when it starts (the overdue sweep, the hourly reminders,
// the overview snapshot, …): at 50,000 units those take 5–13 s each, and the HTTP rows measured in
// the meantime measured the jobs as much as the endpoints. The bench times the jobs on their own
// (its overdue sweep and hourly rows) and waits here for the server's start-up round to finish.
import type { JobRunListDto } from '../contract/jobs.ts'
import type { HttpClient, Session } from './http.ts'

/**
 * Resolves once no job run is in progress and none has started for `quietMs` (the server's worker
 * asks the queue for the next job every BVCT_JOBS_POLL_SECONDS); how many runs it saw and how long
 * it waited. Throws when they have not settled within `timeoutMs`.
 */
export async function startupJobsSettled(http: HttpClient, admin: Session, opts: { since: Date; quietMs: number; timeoutMs: number }) {
  const started = Date.now()
  for (;;) {
    const res = await http.send({ method: 'GET', path: '/api/v1/admin/jobs?limit=500' }, admin)
    if (res.status !== 200) throw new Error(`GET /api/v1/admin/jobs: HTTP ${res.status} ${res.body.toString().slice(0, 200)}`)
    const runs = (JSON.parse(res.body.toString()) as JobRunListDto).items.filter((r) => Date.parse(r.startedAt) >= opts.since.getTime())
    const latest = Math.max(opts.since.getTime(), ...runs.map((r) => Date.parse(r.startedAt)))
    const running = runs.filter((r) => r.state === 'running')
    if (!running.length && Date.now() - latest >= opts.quietMs) return { runs: runs.length, waitedMs: Date.now() - started }
    if (Date.now() - started > opts.timeoutMs) {
      throw new Error(`the server's start-up jobs had not finished after ${opts.timeoutMs / 1000} s (running: ${running.map((r) => r.job).join(', ') || 'none'})`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}
