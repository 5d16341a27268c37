// What a database failure means to the caller, told apart the same way for both drivers: a full
// disk (507, nothing saved), a database that does not answer (503, try again), or a server that
// cannot start (one sentence for the operator, no stack trace).

/** A query that took longer than BVCT_DB_TIMEOUT_MS: the database is stuck or gone. */
export class DbTimeoutError extends Error {
  readonly code = 'DB_TIMEOUT'
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`)
  }
}

/** Why the server cannot start, in one sentence an operator can act on. main.ts prints it and exits 1. */
export class StartupError extends Error {}

interface Coded {
  code?: unknown
  message?: unknown
}

// SQLSTATE 53100 disk_full; Node's ENOSPC; PGlite's own words when a file cannot grow.
export const isStorageFull = (e: unknown) => {
  const { code, message } = (e ?? {}) as Coded
  return code === '53100' || code === 'ENOSPC' || /No space left on device/i.test(String(message ?? ''))
}

// Connection lost or refused, server shutting down or starting (57P01–57P03), query cancelled by
// statement_timeout (57014), and our own timeout.
const UNAVAILABLE = new Set(['DB_TIMEOUT', '57P01', '57P02', '57P03', '57014', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'])
export const isDatabaseUnavailable = (e: unknown) => {
  const { code, message } = (e ?? {}) as Coded
  return UNAVAILABLE.has(String(code)) || /Connection terminated|timeout exceeded when trying to connect|connection error/i.test(String(message ?? ''))
}

/** Rejects with DbTimeoutError when `work` takes longer than `ms` (0: never). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  if (!ms) return work
  let timer: NodeJS.Timeout
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DbTimeoutError(ms)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}
