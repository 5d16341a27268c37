// Job runs (migration 0018): written by both runners in server/jobs.ts, read by the admin's view.
import { hostname } from 'node:os'
import type { JobRunDto } from '../../../contract/jobs.ts'
import type { Queryable } from '../../db/types.ts'

/** Which process ran a job: what an operator greps for in that machine's log. */
export const PROCESS_LABEL = `${hostname()}:${process.pid}`

// A result is for the admin's eye: a runaway one is cut rather than filling the table.
const MAX_RESULT_CHARS = 4_000

export async function insertRun(db: Queryable, r: { job: string; runner: 'queue' | 'scheduler'; queueJobId?: string | null; attempt: number; startedAt: Date }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO job_run (job, runner, queue_job_id, attempt, state, process, started_at) VALUES ($1, $2, $3, $4, 'running', $5, $6) RETURNING id`,
    [r.job, r.runner, r.queueJobId ?? null, r.attempt, PROCESS_LABEL, r.startedAt],
  )
  return row.id
}

export async function finishRun(db: Queryable, id: number, r: { state: 'completed' | 'failed' | 'dead'; finishedAt: Date; result?: unknown; error?: string }) {
  let result = r.result === undefined ? null : JSON.stringify(r.result)
  if (result && result.length > MAX_RESULT_CHARS) result = JSON.stringify({ truncated: result.slice(0, MAX_RESULT_CHARS) })
  await db.query('UPDATE job_run SET state = $2, finished_at = $3, result = $4::jsonb, error = $5 WHERE id = $1', [id, r.state, r.finishedAt, result, r.error?.slice(0, 2_000) ?? null])
}

type Row = { id: number; job: string; runner: 'queue' | 'scheduler'; attempt: number; state: JobRunDto['state']; process: string; started_at: Date; finished_at: Date | null; result: unknown; error: string | null }
const toDto = (r: Row): JobRunDto => ({
  id: Number(r.id), job: r.job, runner: r.runner, attempt: r.attempt, state: r.state, process: r.process,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  durationMs: r.finished_at ? new Date(r.finished_at).getTime() - new Date(r.started_at).getTime() : null,
  result: typeof r.result === 'string' ? JSON.parse(r.result) : (r.result ?? null),
  error: r.error,
})
const COLUMNS = 'id, job, runner, attempt, state, process, started_at, finished_at, result, error'

/** The newest runs first, optionally of one job or in one state. */
export async function listRuns(db: Queryable, q: { job?: string; state?: string; limit: number }): Promise<JobRunDto[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM job_run WHERE ($1::text IS NULL OR job = $1) AND ($2::text IS NULL OR state = $2) ORDER BY started_at DESC, id DESC LIMIT $3`,
    [q.job ?? null, q.state ?? null, q.limit],
  )
  return rows.map(toDto)
}

/** Each job's newest run. */
export async function lastRuns(db: Queryable): Promise<Map<string, JobRunDto>> {
  const rows = await db.query<Row>(`SELECT DISTINCT ON (job) ${COLUMNS} FROM job_run ORDER BY job, started_at DESC, id DESC`)
  return new Map(rows.map((r) => [r.job, toDto(r)]))
}

/** Deletes the runs started before `before`; returns how many. */
export async function purgeRuns(db: Queryable, before: Date): Promise<number> {
  const rows = await db.query<{ id: number }>('DELETE FROM job_run WHERE started_at < $1 RETURNING id', [before])
  return rows.length
}
