// The only reader of process.env.
import { resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  databaseUrl: string | null
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
  /** Bytes of plan evidence one unit may keep, all its plans together (BVCT_EVIDENCE_QUOTA_MB). */
  evidenceQuotaBytes: number
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const databaseUrl = env.DATABASE_URL || null
  const dataDir = resolve(env.BVCT_DATA_DIR || './data')
  return {
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    backupDir: resolve(env.BVCT_BACKUP_DIR || './backups'),
    backupKeep: Number(env.BVCT_BACKUP_KEEP || 7),
    // Embedded mode is the try-it-now mode and loads demo data; PostgreSQL only when asked.
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
    caseRetentionYears: Number(env.BVCT_CASE_RETENTION_YEARS || 10),
    appealDays: Number(env.BVCT_APPEAL_DAYS || 30),
    evidenceQuotaBytes: Number(env.BVCT_EVIDENCE_QUOTA_MB || 500) * 1024 * 1024,
  }
}
