import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError, type z } from 'zod'
import { ERRORS, fieldMessage, type ErrorCode, type FieldMessageKey, type Lang, type RowErrorDto } from '../../contract/errors.ts'
import { isDatabaseUnavailable, isStorageFull } from '../db/errors.ts'
import { langOf } from './lang.ts'

type ZodIssue = z.core.$ZodIssue

export type FieldError = FieldMessageKey | { key: FieldMessageKey; n?: string | number }

/** A row of an imported file that cannot be taken; `message` is said in the caller's language. */
export interface RowError {
  row: number
  value: string
  reason: string
  message: FieldError
}

/** Thrown anywhere on the server; mapped to HTTP and a localized message in one place. */
export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    public fields?: Record<string, FieldError>,
    public extra?: Record<string, unknown>,
    /** A message more specific than the code's (the parser's reason a file cannot be read), in both languages. */
    public detail?: { vi: string; en: string },
    public rows?: RowError[],
  ) {
    super(code)
  }
}

export const notFound = () => new AppError('NOT_FOUND')
export const invalid = (fields: Record<string, FieldError>) => new AppError('VALIDATION', fields)
/** An import refused as a whole, every bad row named (`fields` gets `rows.N` for each). */
export const invalidRows = (rows: RowError[]) => new AppError('VALIDATION', undefined, undefined, undefined, rows)

const say = (v: FieldError, lang: Lang) => (typeof v === 'string' ? fieldMessage(v, lang) : fieldMessage(v.key, lang, v.n))

function localizeFields(fields: Record<string, FieldError> | undefined, lang: Lang) {
  if (!fields) return undefined
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, say(v, lang)]))
}

/** Field messages for a ZodError; `prefix` names the request part when it is not the body ("headers."). */
export function zodFields(err: ZodError, lang: Lang, prefix = ''): Record<string, string> {
  const input = (err as ZodError & { input?: unknown }).input
  const out: Record<string, string> = {}
  const put = (path: string, msg: string) => {
    const key = path ? prefix + path : prefix ? prefix.slice(0, -1) : '(body)'
    if (!(key in out)) out[key] = msg
  }
  const visit = (issues: readonly ZodIssue[]) => {
    for (const issue of issues) {
      const base = issue.path.map(String).join('.')
      switch (issue.code) {
        case 'invalid_type':
          put(base, valueAt(input, issue.path) === undefined ? fieldMessage('required', lang) : fieldMessage('type', lang, issue.expected))
          break
        case 'unrecognized_keys':
          for (const k of issue.keys) put(base ? `${base}.${k}` : k, fieldMessage('unknown', lang))
          break
        case 'too_small':
          put(base, fieldMessage(issue.origin === 'string' || issue.origin === 'array' ? 'tooShort' : 'tooSmall', lang, Number(issue.minimum)))
          break
        case 'too_big':
          put(base, fieldMessage(issue.origin === 'string' || issue.origin === 'array' ? 'tooLong' : 'tooBig', lang, Number(issue.maximum)))
          break
        case 'invalid_value':
          put(base, fieldMessage('enum', lang, issue.values.join(', ')))
          break
        case 'invalid_union':
          // Say what the first alternative (the usual form) lacks, rather than "no alternative matched".
          if (issue.errors[0]?.length) visit(issue.errors[0].map((x) => ({ ...x, path: [...issue.path, ...x.path] }) as ZodIssue))
          else put(base, fieldMessage('format', lang))
          break
        case 'custom': {
          const key = (issue.params as { key?: FieldMessageKey } | undefined)?.key
          put(base, key ? fieldMessage(key, lang) : issue.message)
          break
        }
        default:
          put(base, issue.code === 'invalid_format' && issue.format === 'date' ? fieldMessage('date', lang) : fieldMessage('format', lang))
      }
    }
  }
  visit(err.issues)
  return out
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k]
  return v
}

function send(reply: FastifyReply, lang: Lang, code: ErrorCode, more: { message?: string; fields?: Record<string, string>; rows?: RowErrorDto[]; extra?: Record<string, unknown> } = {}) {
  const def = ERRORS[code]
  const { message = def[lang], fields, rows, extra } = more
  return reply.status(def.status).send({ error: { code, message, ...(fields ? { fields } : {}), ...(rows ? { rows } : {}), ...extra } })
}

function sendAppError(reply: FastifyReply, lang: Lang, err: AppError) {
  const rows = err.rows?.map((r): RowErrorDto => ({ row: r.row, value: r.value, reason: r.reason, message: say(r.message, lang) }))
  let fields = localizeFields(err.fields, lang)
  if (rows?.length) fields = { ...fields, ...Object.fromEntries(rows.map((r) => [`rows.${r.row}`, r.message])) }
  return send(reply, lang, err.code, { message: err.detail?.[lang], fields, rows, extra: err.extra })
}

/** The one error handler: known errors get their code and message; 5xx details stay in the log. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req)
  if (err instanceof AppError) {
    // A throttled client is told when to try again.
    if (typeof err.extra?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.extra.retryAfterSeconds))
    return sendAppError(reply, lang, err)
  }
  if (err instanceof ZodError) {
    // Body and query fields are named bare (`name`); headers with their part (`headers.idempotency-key`).
    const part = (err as ZodError & { validationContext?: string }).validationContext
    return send(reply, lang, 'VALIDATION', { fields: zodFields(err, lang, part === 'headers' ? 'headers.' : '') })
  }
  const fe = err as FastifyError
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') return send(reply, lang, 'BODY_TOO_LARGE')
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, lang, 'UNSUPPORTED_MEDIA_TYPE')
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return send(reply, lang, 'MALFORMED_JSON')
  // A unique index caught a value taken meanwhile (both drivers carry PostgreSQL's SQLSTATE).
  if (fe.code === '23505') return send(reply, lang, 'DUPLICATE')
  // A multipart body cut short or malformed is the client's (the parser throws a plain Error).
  if (/^(Unexpected end of multipart data|Malformed part header|Multipart: Boundary not found)/.test(err.message)) {
    return send(reply, lang, 'VALIDATION', { fields: { file: fieldMessage('format', lang) } })
  }
  if (fe.statusCode && fe.statusCode < 500) return send(reply, lang, fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION')
  // The write failed as a whole (its transaction rolled back): say so, and tell the operator.
  if (isStorageFull(err)) {
    req.log.error(err, 'storage full')
    return send(reply, lang, 'STORAGE_FULL')
  }
  if (isDatabaseUnavailable(err)) {
    req.log.error(err, 'database unavailable')
    reply.header('retry-after', '30')
    return send(reply, lang, 'DATABASE_UNAVAILABLE')
  }
  // An answer that does not match its route's response schema is a server bug, logged in full.
  req.log.error(err)
  return send(reply, lang, 'INTERNAL')
}
