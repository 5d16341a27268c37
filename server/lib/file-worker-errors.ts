// Parsing an upload on the file worker pool (file-worker.ts) from a route, and what the route
// answers when the pool gave no answer.
import { AppError } from '../http/errors.ts'
import { FileTaskError, FileWorkerError, fileWorkers } from './file-worker.ts'
import { UPLOAD_LIMIT_MESSAGES } from './upload-limits.ts'

/** Seconds a client is asked to wait when every file worker is taken. */
const RETRY_AFTER_SECONDS = 30

/**
 * The answer for a task the pool stopped or refused: a full queue is 429 with Retry-After; a file
 * that ran out of time or memory is the route's own "unreadable file" answer (`unreadable`), saying
 * why. Anything else (a crashed thread) is not the user's doing: null, and the route rethrows it (500).
 */
export function fileWorkerAnswer(e: unknown, unreadable: (why: { vi: string; en: string }) => AppError, timeoutMs?: number): AppError | null {
  if (!(e instanceof FileWorkerError)) return null
  // No code of its own yet (contract/errors.ts): 429 with a message that says it is the server, not the user.
  if (e.reason === 'busy') return new AppError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS }, UPLOAD_LIMIT_MESSAGES.busy())
  if (e.reason === 'timeout') return unreadable(UPLOAD_LIMIT_MESSAGES.tooSlow(Math.round((timeoutMs ?? fileWorkers.limits.timeoutMs) / 1000)))
  if (e.reason === 'memory') return unreadable(UPLOAD_LIMIT_MESSAGES.tooMuchMemory())
  return null
}

/**
 * `fn(...args)` of `module` on the file worker pool. An AppError the parser throws (a 400 naming
 * the file) comes back as it was thrown; a parse stopped for time or memory becomes
 * `unreadable(why)`, a full pool a 429. Other errors thrown by the task reach the caller as FileTaskError.
 */
export async function parseUpload<T>(
  module: URL, fn: string, args: unknown[], unreadable: (why: { vi: string; en: string }) => AppError, opts: { timeoutMs?: number } = {},
): Promise<T> {
  try {
    return await (opts.timeoutMs ? fileWorkers.run<T>(module, fn, args, opts) : fileWorkers.run<T>(module, fn, args))
  } catch (e) {
    if (e instanceof FileTaskError && e.remoteName === 'AppError') {
      const p = e.props as Pick<AppError, 'code' | 'fields' | 'extra' | 'detail' | 'rows'>
      throw new AppError(p.code, p.fields, p.extra, p.detail, p.rows)
    }
    throw fileWorkerAnswer(e, unreadable, opts.timeoutMs) ?? e
  }
}
