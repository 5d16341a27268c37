// Every scheduled job, in one list, as app.ts lists routes. The CLIs run them by name; a server runs
// them through one of two runners with the same list and the same record of runs (job_run):
// - PostgreSQL: the job queue (jobs.queue.ts, pg-boss), so that several processes run each job once;
// - embedded PGlite (one process by nature): startJobs below, a tick running the due jobs one after
//   another in this order.
// No feature imports another to run its job.
import type { Config } from './config.ts'
import type { Db } from './db/types.ts'
import { vnDay } from './lib/dates.ts'
import type { Keyring } from './lib/keyring.ts'
import type { Mailer } from './mail/mailer.ts'
import { finishRun, insertRun, purgeRuns } from './features/jobs/jobs.queries.ts'

export interface JobContext {
  db: Db
  config: Config
  mailer: Mailer
  keys: Keyring
  now: Date
  /** The Vietnamese day the job works for: today, or the day a CLI names. */
  day: string
  /** Run even when the job already ran for this day (a CLI run by hand). */
  force: boolean
}

export interface Job {
  name: string
  /** The name an admin reads (web /admin/jobs), Vietnamese first. */
  label: { vi: string; en: string }
  /** What it does, for the same page. */
  description: { vi: string; en: string }
  /** How often the job is due; a tick runs it when at least this long has passed since its last run. */
  everyMs: number
  /** Only on this database kind (embedded backups). */
  onlyOn?: Db['kind']
  /** A short result for the log. Heavy modules are imported inside, so a server loads them when a job first runs. */
  run(ctx: JobContext): Promise<unknown>
}

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const JOBS: readonly Job[] = [
  {
    name: 'backup',
    label: { vi: 'Sao lưu dữ liệu (chế độ nhúng)', en: 'Backup (embedded mode)' },
    description: { vi: 'Chế độ nhúng: nén thư mục dữ liệu thành một tệp .tar.gz (PGlite không tự ghi chắc xuống đĩa), giữ BVCT_BACKUP_KEEP bản mới nhất', en: 'Embedded mode: a .tar.gz of the data folder (PGlite never fsyncs), the newest BVCT_BACKUP_KEEP kept' },
    everyMs: DAY,
    onlyOn: 'pglite',
    run: async ({ db, config, keys, now }) => {
      const [{ backupPglite }, { writeAnchor, writeAnchorBeside }] = await Promise.all([import('./db/backup.ts'), import('./features/audit/audit.anchor.ts')])
      // Anchored first: the backup then holds at least the anchored log, and its copy of the anchor
      // proves, when it is restored, that nobody cut the log short in between.
      const { anchor } = await writeAnchor(db, keys, config.auditAnchorDir, now)
      const file = await backupPglite(db, config.backupDir, config.backupKeep, now)
      writeAnchorBeside(file, anchor)
      return { file }
    },
  },
  {
    name: 'auditAnchor',
    label: { vi: 'Ký xác nhận đầu nhật ký kiểm toán', en: "Sign the audit log's head" },
    description: { vi: 'Ký đầu nhật ký kiểm toán (mục cuối, số mục, mã băm) và ghi thêm vào BVCT_AUDIT_ANCHOR_DIR khi nhật ký có mục mới', en: "Signs the audit log's head (last id, count, hash) and appends it to BVCT_AUDIT_ANCHOR_DIR when it has moved" },
    everyMs: 5 * MINUTE,
    run: async ({ db, keys, config, now }) => {
      const { writeAnchor } = await import('./features/audit/audit.anchor.ts')
      const { anchor, written } = await writeAnchor(db, keys, config.auditAnchorDir, now)
      return { lastId: anchor.lastId, written }
    },
  },
  {
    name: 'matrixRoll',
    label: { vi: 'Chuyển số liệu ma trận sang ngày mới', en: 'Roll the matrix figures to the new day' },
    description: { vi: 'Số liệu tính sẵn của bảng theo dõi chuyển sang ngày mới: việc đã qua hạn được tính là quá hạn', en: "The dashboard's precomputed figures move to the new day: deadlines passed become overdue" },
    everyMs: HOUR,
    run: async ({ db, day }) => {
      const { rollMatrices } = await import('./features/dashboard/matrix.rollup.ts')
      return { directives: await rollMatrices(db, day) }
    },
  },
  {
    name: 'overdueSweep',
    label: { vi: 'Thông báo việc quá hạn', en: 'Notify overdue work' },
    description: { vi: 'Mỗi ngày một lần: báo cho người đứng đầu và cán bộ phụ trách của đơn vị những việc quá hạn (một bản tổng hợp cho mỗi đơn vị mỗi ngày)', en: "Once a day: notifies units' heads and officers of what is overdue (one digest per unit and day)" },
    everyMs: HOUR,
    run: async ({ db, now, day, force }) => {
      const [{ runOverdueJob, runOverdueJobIfDue }, { rollMatrices }] = await Promise.all([import('./features/notifications/overdue.job.ts'), import('./features/dashboard/matrix.rollup.ts')])
      // The figures roll to the new day before the sweep reads them. In the queue the two jobs may
      // run at once in two processes, so the sweep rolls first itself (a no-op once matrixRoll has).
      await rollMatrices(db, day)
      const r = force ? await runOverdueJob(db, day, now) : await runOverdueJobIfDue(db, now)
      return r && { asOf: r.asOf, overdue: r.overdue, raised: r.raised }
    },
  },
  {
    name: 'caseDeadlines',
    label: { vi: 'Nhắc hạn hồ sơ mật', en: 'Confidential case deadlines' },
    description: { vi: 'Báo cho người phụ trách hồ sơ mật các thời hạn đã qua và kết luận sắp hết hiệu lực, chỉ nêu số hồ sơ', en: "Tells confidential cases' owners of deadlines passed and conclusions expiring, by case number only" },
    everyMs: HOUR,
    run: async ({ db, now, day }) => {
      const { remindCaseDeadlines } = await import('./features/cases/cases.jobs.ts')
      return remindCaseDeadlines(db, day, now)
    },
  },
  {
    name: 'casePurge',
    label: { vi: 'Hủy nội dung hồ sơ mật hết hạn lưu trữ', en: 'Purge closed cases past retention' },
    description: { vi: 'Hủy nội dung hồ sơ đã đóng (cùng khóa dữ liệu) sau BVCT_CASE_RETENTION_YEARS năm, chỉ giữ khung hồ sơ', en: "Destroys closed cases' content (and their data keys) after BVCT_CASE_RETENTION_YEARS, keeping the skeleton" },
    everyMs: DAY,
    run: async ({ db, config, now, day }) => {
      const { purgeClosedCases } = await import('./features/cases/cases.jobs.ts')
      return purgeClosedCases(db, day, now, config.caseRetentionYears)
    },
  },
  {
    name: 'keyRotation',
    label: { vi: 'Hoàn tất đổi khóa chính', en: 'Finish a master-key rotation' },
    description: { vi: 'Hoàn tất việc thay khóa chính (npm run keys:rotate): bọc lại các khóa dữ liệu rồi thu hồi khóa cũ', en: 'Finishes a master-key rotation (npm run keys:rotate): re-wraps data keys, then retires the old key' },
    everyMs: 5 * MINUTE,
    run: async ({ db, keys, config }) => {
      const { finishRotation } = await import('./features/keys/keys.service.ts')
      return finishRotation(db, keys, config.masterKey ? null : config.masterKeyFile)
    },
  },
  {
    name: 'keyPositionVetting',
    label: { vi: 'Rà soát tiêu chuẩn vị trí trọng yếu', en: 'Key-position vetting' },
    description: { vi: 'Đọc lại kết luận tiêu chuẩn của người giữ vị trí trọng yếu, cập nhật số liệu sẵn sàng đến hôm nay, bật và tắt cảnh báo cho người đứng đầu đơn vị và Ban', en: "Re-reads key-position holders' standing from the standards reviews, rolls the readiness figures to today, raises and clears alerts to units' heads and the board" },
    everyMs: HOUR,
    run: async ({ db, keys, mailer, config, now, day }) => {
      const [{ runVettingJob }, { thresholdsOf }] = await Promise.all([import('./features/positions/vetting.service.ts'), import('./features/positions/readiness.service.ts')])
      return runVettingJob({ db, keys, mailer, thresholds: thresholdsOf(config) }, day, now)
    },
  },
  {
    name: 'trainingReminders',
    label: { vi: 'Nhắc bồi dưỡng lại nghiệp vụ', en: 'Refresher training reminders' },
    description: { vi: 'Nhắc cán bộ đến hạn hoặc quá hạn bồi dưỡng lại, và người đứng đầu đơn vị, trong ứng dụng và qua thư điện tử (mỗi lần một lần)', en: 'Reminds officers due or overdue for a refresher training, and their head, in-app and by e-mail (once each)' },
    everyMs: HOUR,
    run: async ({ db, mailer, config, now, day }) => {
      const { runTrainingReminders } = await import('./features/officers/training.jobs.ts')
      return runTrainingReminders(db, mailer, day, now, { cycleMonths: config.trainingCycleMonths, dueDays: config.trainingDueDays })
    },
  },
  {
    name: 'reportReminders',
    label: { vi: 'Nhắc nộp báo cáo', en: 'Report reminders' },
    description: { vi: 'Nhắc đơn vị chưa gửi báo cáo, trước, đúng và sau hạn, trong ứng dụng và qua thư điện tử', en: 'Reminds units whose report is not in, before, on and after the deadline, in-app and by e-mail' },
    everyMs: HOUR,
    run: async ({ db, mailer, now, day }) => {
      const { runReportReminders } = await import('./features/reports/reminders.job.ts')
      return runReportReminders(db, mailer, day, now)
    },
  },
  {
    name: 'directiveReminders',
    label: { vi: 'Nhắc hạn văn bản chỉ đạo', en: 'Directive deadline reminders' },
    description: { vi: 'Nhắc người đứng đầu và cán bộ phụ trách của đơn vị trước và đúng hạn tiếp nhận, hạn kế hoạch của văn bản, mỗi mốc một lần', en: "Reminds units' heads and officers before and on a directive's acknowledgement and plan deadlines, each stage once" },
    everyMs: HOUR,
    run: async ({ db, now, day }) => {
      const { runDirectiveReminders } = await import('./features/notifications/directive-reminders.job.ts')
      return runDirectiveReminders(db, day, now)
    },
  },
  {
    name: 'correctiveReminders',
    label: { vi: 'Nhắc hạn khắc phục sau kiểm tra', en: 'Corrective action reminders' },
    description: { vi: 'Nhắc đơn vị việc khắc phục trước, đúng và sau hạn đang áp dụng (BVCT_CORRECTIVE_REMIND_BEFORE/AFTER), trong ứng dụng và qua thư điện tử', en: "Reminds units of their corrective actions before, on and after the due date in force (BVCT_CORRECTIVE_REMIND_BEFORE/AFTER), in-app and by e-mail" },
    everyMs: HOUR,
    run: async ({ db, mailer, config, now, day }) => {
      const { runCorrectiveReminders } = await import('./features/inspections/corrective-reminders.job.ts')
      return runCorrectiveReminders(db, mailer, day, now, { before: config.correctiveRemindBefore, after: config.correctiveRemindAfter })
    },
  },
  {
    name: 'overviewSnapshot',
    label: { vi: 'Lưu số liệu tổng quan của tháng', en: "The month's overview snapshot" },
    description: { vi: 'Lưu mọi chỉ số tổng quan của từng đơn vị (gồm các đơn vị trực thuộc) cho tháng hiện tại (xu hướng 12 tháng của trang tổng quan)', en: "Stores every overview indicator over every unit's subtree for the month in progress (the committee overview's 12-month trend)" },
    everyMs: DAY,
    run: async ({ db, config, now, day }) => {
      const { runOverviewSnapshot } = await import('./features/overview/overview.jobs.ts')
      return runOverviewSnapshot(db, config, day, now)
    },
  },
  {
    name: 'channelReviewReminders',
    label: { vi: 'Nhắc rà soát an ninh kênh thông tin', en: 'Channel security review reminders' },
    description: { vi: 'Nhắc đơn vị rà soát an ninh các kênh thông tin chính thức trước, đúng và sau hạn (BVCT_CHANNEL_REVIEW_REMINDERS), trong ứng dụng và qua thư điện tử', en: "Reminds units of their official channels' security reviews before, on and after the due date (BVCT_CHANNEL_REVIEW_REMINDERS), in-app and by e-mail" },
    everyMs: HOUR,
    run: async ({ db, config, mailer, now, day }) => {
      const [{ runChannelReviewReminders }, { reviewRulesOf }] = await Promise.all([import('./features/channels/channels.jobs.ts'), import('./features/channels/channels.policy.ts')])
      return runChannelReviewReminders(db, mailer, reviewRulesOf(config), day, now)
    },
  },
  {
    name: 'jobRunPurge',
    label: { vi: 'Xóa lịch sử chạy tác vụ cũ', en: 'Purge old job runs' },
    description: { vi: 'Xóa các lần chạy tác vụ (trang /admin/jobs) cũ hơn 30 ngày: riêng tác vụ gửi thư đã ghi 1.440 lần mỗi ngày', en: 'Deletes job runs (the admin view of /admin/jobs) older than 30 days: the e-mail job alone records 1,440 a day' },
    everyMs: DAY,
    run: async ({ db, now }) => ({ deleted: await purgeRuns(db, new Date(now.getTime() - 30 * DAY)) }),
  },
  {
    // Last in a tick: it sends what the jobs before it raised.
    name: 'notificationEmails',
    label: { vi: 'Gửi thư điện tử thông báo', en: 'Send notification e-mails' },
    description: { vi: 'Gửi thư điện tử của các thông báo mới (mỗi thư một lần, theo ngôn ngữ của người nhận), gửi lại khi lỗi', en: "Sends the e-mails of new notifications (each once, in its reader's language), retrying failures" },
    everyMs: MINUTE,
    run: async ({ db, mailer, now }) => {
      const { runNotificationEmails } = await import('./features/notifications/email-outbox.job.ts')
      return runNotificationEmails(db, mailer, now)
    },
  },
]

export const jobNamed = (name: string): Job => {
  const job = JOBS.find((j) => j.name === name)
  if (!job) throw new Error(`No job named ${name}: ${JOBS.map((j) => j.name).join(', ')}`)
  return job
}

export type JobDeps = Pick<JobContext, 'db' | 'config' | 'mailer' | 'keys'>
type Deps = JobDeps
export type JobLog = { info(obj: object, msg: string): void; error(obj: unknown, msg: string): void }
type Log = JobLog

/**
 * Runs one job and records the run in job_run (the admin's view), whichever runner calls it. The
 * record is best-effort: a database too broken to record the run fails the job itself anyway, and
 * the runner logs that. Throws the job's error, for the runner to retry.
 */
export async function runRecorded(job: Job, ctx: JobContext, run: { runner: 'queue' | 'scheduler'; queueJobId?: string; attempt?: number; isLastAttempt?: boolean }) {
  const id = await insertRun(ctx.db, { job: job.name, runner: run.runner, queueJobId: run.queueJobId, attempt: run.attempt ?? 1, startedAt: new Date() }).catch(() => null)
  try {
    const result = await job.run(ctx)
    if (id !== null) await finishRun(ctx.db, id, { state: 'completed', finishedAt: new Date(), result }).catch(() => {})
    return result
  } catch (e) {
    const state = run.isLastAttempt === false ? 'failed' : run.runner === 'queue' ? 'dead' : 'failed'
    if (id !== null) await finishRun(ctx.db, id, { state, finishedAt: new Date(), error: e instanceof Error ? e.message : String(e) }).catch(() => {})
    throw e
  }
}

/** Runs the named jobs in list order, now; for CLIs and tests. */
export async function runJobs(deps: Deps, names: string[], opts: { now?: Date; day?: string; force?: boolean } = {}) {
  const now = opts.now ?? new Date()
  const results: Record<string, unknown> = {}
  for (const job of JOBS.filter((j) => names.includes(j.name))) {
    results[job.name] = await job.run({ ...deps, now, day: opts.day ?? vnDay(now), force: opts.force ?? false })
  }
  return results
}

/**
 * The server's scheduler: one tick (at start, after `firstTickDelayMs`, then every `tickMs`) runs
 * each due job in list order, one at a time. A job that fails is logged and tried again next tick.
 * `runNow` queues one job out of turn (`npm run backup` asks a running server for one); `stop`
 * waits for the job being run, so a backup being written is finished first.
 */
export function startJobs(deps: Deps, log: Log, opts: { clock?: () => Date; tickMs?: number; firstTickDelayMs?: number } = {}) {
  const clock = opts.clock ?? (() => new Date())
  const jobs = JOBS.filter((j) => !j.onlyOn || j.onlyOn === deps.db.kind)
  const lastRun = new Map<string, number>()
  let chain: Promise<unknown> = Promise.resolve()
  let stopped = false

  const runOne = (job: Job) =>
    (chain = chain.then(async () => {
      if (stopped) return
      const now = clock()
      lastRun.set(job.name, now.getTime())
      try {
        log.info({ job: job.name, result: await runRecorded(job, { ...deps, now, day: vnDay(now), force: false }, { runner: 'scheduler' }) }, 'job done')
      } catch (e) {
        lastRun.delete(job.name)
        log.error(e, `job ${job.name} failed`)
      }
    }))
  const tick = () => {
    const now = clock().getTime()
    for (const job of jobs) if (now - (lastRun.get(job.name) ?? -Infinity) >= job.everyMs) void runOne(job)
    return chain
  }

  const first = setTimeout(() => void tick(), opts.firstTickDelayMs ?? 0)
  // Ticks every five minutes; each job still runs only as often as its own period says.
  const timer = setInterval(() => void tick(), opts.tickMs ?? 5 * MINUTE)
  timer.unref()
  return {
    tick,
    runNow: (name: string) => runOne(jobNamed(name)),
    async stop() {
      clearTimeout(first)
      clearInterval(timer)
      stopped = true
      await chain
    },
  }
}
