// The admin's view of scheduled job runs (issue 17, point 2): every run of every job in
// server/jobs.ts, whichever runner ran it (the PostgreSQL job queue or the embedded scheduler).
import { z } from 'zod'
import type { Role } from './roles.ts'

export const JOB_ADMIN_ROLES: readonly Role[] = ['admin']

/** running → completed, or failed (the queue tries again), or dead (retries used up: dead-letter). */
export const JOB_RUN_STATES = ['running', 'completed', 'failed', 'dead'] as const

export const JOB_RUN_STATE_LABELS: Record<(typeof JOB_RUN_STATES)[number], { vi: string; en: string }> = {
  running: { vi: 'Đang chạy', en: 'Running' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  failed: { vi: 'Lỗi, sẽ chạy lại', en: 'Failed, will retry' },
  dead: { vi: 'Lỗi, hết lượt chạy lại', en: 'Dead (retries used up)' },
}

export const jobRunListQuery = z.strictObject({
  job: z.string().max(60).optional(),
  state: z.enum(JOB_RUN_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const jobRunDto = z.object({
  id: z.number().int(),
  job: z.string(),
  /** `queue`: PostgreSQL's job queue (pg-boss); `scheduler`: the embedded in-process scheduler. */
  runner: z.enum(['queue', 'scheduler']),
  attempt: z.number().int(),
  state: z.enum(JOB_RUN_STATES),
  /** host:pid of the process that ran it. */
  process: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
})
export type JobRunDto = z.infer<typeof jobRunDto>

export const jobSummaryDto = z.object({
  name: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  description: z.object({ vi: z.string(), en: z.string() }),
  everyMs: z.number().int(),
  lastRun: jobRunDto.nullable(),
})

export const jobRunListDto = z.object({
  runner: z.enum(['queue', 'scheduler']),
  jobs: z.array(jobSummaryDto),
  items: z.array(jobRunDto),
})
export type JobRunListDto = z.infer<typeof jobRunListDto>
