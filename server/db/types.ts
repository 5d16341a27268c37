/** What every feature sees of the database: plain SQL with positional parameters. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** PGlite only: a gzip tarball of the data directory, built in memory (test templates). */
  dumpDataDir?(): Promise<Uint8Array>
  /**
   * PGlite on a folder only: checkpoints, then runs fn with the data folder's path while no query
   * runs, so the files fn reads are a consistent copy of the database (backup.ts).
   */
  whileQuiet?<T>(fn: (dataDir: string) => Promise<T>): Promise<T>
  /**
   * PostgreSQL with DATABASE_READ_URL (db/client.ts attachReplica): a streaming replica for
   * dashboards, exports and lists, when it is up, lags little enough and holds the caller's last write.
   */
  readonly replica?: ReplicaReads
  close(): Promise<void>
}

export interface ReplicaReads {
  /** The replica, or null: reads then go to the primary. `lastWriteAt`: the caller's last write (ms), which it must already hold. */
  pick(lastWriteAt?: number): Db | null
  status(): { state: 'unknown' | 'ok' | 'lagging' | 'down'; lagMs: number | null; checkedAt: number; error?: string }
  /** Measures again now (tests, and the health check). */
  refresh(): Promise<unknown>
}

// Both drivers return the same JS types for the same SQL: int8 and numeric as numbers,
// date as the ISO 'yyyy-mm-dd' string (a JS Date would shift it by the time zone).
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const
export const parseInt8 = (v: string) => Number(v)
export const parseNumeric = (v: string) => Number(v)
export const parseDate = (v: string) => v

/**
 * A PostgreSQL array literal. PGlite cannot serialize a JS array for a type it does not know
 * (ltree[] comes from an extension), so scope lists travel as '{"1","1.4"}' on both drivers.
 */
export const arrayLiteral = (xs: readonly (string | number)[]) => '{' + xs.map((x) => '"' + String(x).replace(/["\\]/g, '\\$&') + '"').join(',') + '}'

/**
 * A query containing this comment is planned afresh at every run instead of as a prepared
 * statement (db/client.ts). After five runs PostgreSQL may keep a generic plan; for the live matrix
 * over 857,000 actions that plan took over 20 s where a custom one takes a fraction of a second.
 */
export const CUSTOM_PLAN = '/* custom plan */'
