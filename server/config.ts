// The only reader of process.env.
import { dirname, join, resolve } from 'node:path'
import { DEFAULT_INSPECTION_RULES, type InspectionRules } from '../contract/inspections.ts'

export interface Config {
  port: number
  host: string
  databaseUrl: string | null
  /** A streaming replica for dashboards, exports and lists (DATABASE_READ_URL); null: the primary serves every read. */
  databaseReadUrl: string | null
  /** Replica lag beyond which reads go back to the primary (BVCT_REPLICA_MAX_LAG_MS). */
  replicaMaxLagMs: number
  /** App processes sharing the port (BVCT_PROCESSES, PostgreSQL only: embedded PGlite is one process by nature). */
  processes: number
  /** How often each process offers the due jobs to the queue, and how often its worker asks for one. */
  jobsTickMs: number
  jobsPollSeconds: number
  dataDir: string
  backupDir: string
  backupKeep: number
  demo: boolean
  demoPassword: string | null
  secureCookies: boolean
  smtpUrl: string | null
  logLevel: string
  bodyLimit: number
  /**
   * Behind a reverse proxy: how many hops of X-Forwarded-For to believe, or the proxies' addresses
   * (comma-separated, CIDR allowed). Never "everything": a client could name any address it likes.
   */
  trustProxy: number | string | false
  /** Master keys for confidential records (lib/keyring.ts): a keyring file, or keys in the environment. */
  masterKey: string | null
  masterKeyNext: string | null
  masterKeyFile: string | null
  /** Years a closed confidential case's content is kept before the purge job leaves only its skeleton. */
  caseRetentionYears: number
  /** Days the subject of a disciplinary decision has to appeal (one month by the Party Charter). */
  appealDays: number
  /** The most one database query may take in the server before it answers 503 (BVCT_DB_TIMEOUT_MS). */
  dbTimeoutMs: number
  /** Where the audit log's signed heads are written (BVCT_AUDIT_ANCHOR_DIR): a place the database's administrators cannot write. */
  auditAnchorDir: string
  /** Bytes of plan evidence one unit may keep, all its plans together (BVCT_EVIDENCE_QUOTA_MB). */
  evidenceQuotaBytes: number
  /** A holder's conclusion expiring within this many days reads "expiring" (BVCT_VETTING_EXPIRING_DAYS). */
  vettingExpiringDays: number
  /** Months between an officer's refresher trainings (BVCT_TRAINING_CYCLE_YEARS × 12). */
  trainingCycleMonths: number
  /** An officer is "due" this many days before the refresher falls due (BVCT_TRAINING_DUE_DAYS). */
  trainingDueDays: number
  /** Months between security reviews of an official channel, unless the channel sets its own. */
  channelReviewMonths: number
  /** Days after registration by which a channel never reviewed gets its first review. */
  channelFirstReviewDays: number
  /** Days relative to a review's due date on which reminders go out: negative before, 0 on the day, positive after. */
  channelReviewReminders: number[]
  /** Hours from detecting an incident to reporting it (the report target). */
  incidentReportHours: number
  /** Days from detecting an incident to closing it (the close target). */
  incidentCloseDays: number
  /** To whom incidents are reported: known keys (board, ministry_it, police) or `key=Label`. */
  incidentRecipients: string[]
  /**
   * Inspection time limits by level, extensions, period reviewed and team size (Regulation
   * 331-QĐ/TW's values by default): BVCT_INSPECTION_DAYS, BVCT_INSPECTION_MAX_EXTENSIONS,
   * BVCT_INSPECTION_EXTENSION_FRACTION, BVCT_INSPECTION_PERIOD_YEARS, BVCT_INSPECTION_MIN_TEAM.
   */
  inspectionRules: InspectionRules
  /** Days before and after a corrective action's due date on which its unit is reminded. */
  correctiveRemindBefore: number[]
  correctiveRemindAfter: number[]
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const databaseUrl = env.DATABASE_URL || null
  const dataDir = resolve(env.BVCT_DATA_DIR || './data')
  return {
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    // Beside the data folder (./data → ./backups): one place to look after, wherever the data lives.
    backupDir: resolve(env.BVCT_BACKUP_DIR || join(dirname(dataDir), 'backups')),
    backupKeep: Number(env.BVCT_BACKUP_KEEP || 7),
    // Embedded mode is the try-it-now mode and loads demo data; PostgreSQL only when asked.
    databaseReadUrl: (databaseUrl && env.DATABASE_READ_URL) || null,
    replicaMaxLagMs: Number(env.BVCT_REPLICA_MAX_LAG_MS || 2_000),
    processes: Math.max(1, Math.floor(Number(env.BVCT_PROCESSES || 1)) || 1),
    jobsTickMs: Number(env.BVCT_JOBS_TICK_MS || 60_000),
    jobsPollSeconds: Number(env.BVCT_JOBS_POLL_SECONDS || 5),
    demo: databaseUrl ? env.BVCT_DEMO === '1' || argv.includes('--demo') : env.BVCT_DEMO !== '0',
    demoPassword: env.BVCT_DEMO_PASSWORD || null,
    secureCookies: env.BVCT_SECURE_COOKIES === '1',
    smtpUrl: env.SMTP_URL || null,
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: Number(env.BVCT_BODY_LIMIT || 1_048_576),
    trustProxy: !env.BVCT_TRUST_PROXY || env.BVCT_TRUST_PROXY === '0' ? false : /^\d+$/.test(env.BVCT_TRUST_PROXY) ? Number(env.BVCT_TRUST_PROXY) : env.BVCT_TRUST_PROXY,
    masterKey: env.BVCT_MASTER_KEY || null,
    masterKeyNext: env.BVCT_MASTER_KEY_NEXT || null,
    // Embedded mode keeps its keyring beside the data folder, never inside it (backups copy that folder).
    masterKeyFile: env.BVCT_MASTER_KEY_FILE ? resolve(env.BVCT_MASTER_KEY_FILE) : databaseUrl ? null : `${dataDir}-keys/master.key`,
    dbTimeoutMs: Number(env.BVCT_DB_TIMEOUT_MS || 30_000),
    // Outside the data folder and the database, like the keys: an anchor only proves something if
    // whoever can rewrite the database cannot also rewrite it.
    auditAnchorDir: resolve(env.BVCT_AUDIT_ANCHOR_DIR || (databaseUrl ? './audit-anchors' : `${dataDir}-audit`)),
    caseRetentionYears: Number(env.BVCT_CASE_RETENTION_YEARS || 10),
    appealDays: Number(env.BVCT_APPEAL_DAYS || 30),
    evidenceQuotaBytes: Number(env.BVCT_EVIDENCE_QUOTA_MB || 500) * 1024 * 1024,
    vettingExpiringDays: Number(env.BVCT_VETTING_EXPIRING_DAYS || 90),
    trainingCycleMonths: Math.round(Number(env.BVCT_TRAINING_CYCLE_YEARS || 2) * 12),
    trainingDueDays: Number(env.BVCT_TRAINING_DUE_DAYS || 90),
    channelReviewMonths: Number(env.BVCT_CHANNEL_REVIEW_MONTHS || 6),
    channelFirstReviewDays: Number(env.BVCT_CHANNEL_FIRST_REVIEW_DAYS || 30),
    channelReviewReminders: (env.BVCT_CHANNEL_REVIEW_REMINDERS || '-14,-3,0,7,30').split(',').map((d) => Number(d.trim())).filter(Number.isInteger),
    incidentReportHours: Number(env.BVCT_INCIDENT_REPORT_HOURS || 24),
    incidentCloseDays: Number(env.BVCT_INCIDENT_CLOSE_DAYS || 30),
    incidentRecipients: (env.BVCT_INCIDENT_RECIPIENTS || 'board,ministry_it,police').split(',').map((r) => r.trim()).filter(Boolean),
    inspectionRules: inspectionRules(env),
    correctiveRemindBefore: dayList(env.BVCT_CORRECTIVE_REMIND_BEFORE || '7,1'),
    correctiveRemindAfter: dayList(env.BVCT_CORRECTIVE_REMIND_AFTER || '1,7'),
  }
}

const dayList = (v: string) => v.split(',').map((d) => Number(d.trim())).filter((d) => Number.isInteger(d) && d >= 0)

/** "60,45,20": days by level (central, provincial, directly above grassroots); "1/3" or "0.33": a fraction. */
function inspectionRules(env: NodeJS.ProcessEnv): InspectionRules {
  const d = DEFAULT_INSPECTION_RULES
  const [central, provincial, aboveGrassroots] = (env.BVCT_INSPECTION_DAYS || '').split(',').map((x) => Number(x.trim()))
  const days = (n: number | undefined, fallback: number) => (n && Number.isInteger(n) && n > 0 ? n : fallback)
  const fraction = (env.BVCT_INSPECTION_EXTENSION_FRACTION || '').trim()
  const [num, den] = fraction.split('/').map(Number)
  const extensionMaxFraction = !fraction ? d.extensionMaxFraction : den ? num / den : Number(fraction)
  return {
    durationDays: { central: days(central, d.durationDays.central), provincial: days(provincial, d.durationDays.provincial), aboveGrassroots: days(aboveGrassroots, d.durationDays.aboveGrassroots) },
    maxExtensions: Number(env.BVCT_INSPECTION_MAX_EXTENSIONS || d.maxExtensions),
    extensionMaxFraction: Number.isFinite(extensionMaxFraction) && extensionMaxFraction >= 0 ? extensionMaxFraction : d.extensionMaxFraction,
    maxPeriodYears: Number(env.BVCT_INSPECTION_PERIOD_YEARS || d.maxPeriodYears),
    minTeam: Number(env.BVCT_INSPECTION_MIN_TEAM || d.minTeam),
    minTeamRegularSupervision: Number(env.BVCT_SUPERVISION_MIN_TEAM || d.minTeamRegularSupervision),
  }
}
