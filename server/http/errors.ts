import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { ERRORS, fieldMessage, type ErrorCode, type FieldMessageKey, type Lang } from '../../contract/errors.ts'
import { DbError } from '../db/client.ts'
import { langOf } from './lang.ts'

export type FieldError = FieldMessageKey | { key: FieldMessageKey; n?: string | number }

/** Thrown anywhere on the server; mapped to HTTP and a localized message in one place. */
export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    public fields?: Record<string, FieldError>,
    public extra?: Record<string, unknown>,
  ) {
    super(code)
  }
}

export const notFound = () => new AppError('NOT_FOUND')
export const invalid = (fields: Record<string, FieldError>) => new AppError('VALIDATION', fields)

function localizeFields(fields: Record<string, FieldError> | undefined, lang: Lang) {
  if (!fields) return undefined
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? fieldMessage(v, lang) : fieldMessage(v.key, lang, v.n)]),
  )
}

export function zodFields(err: ZodError, lang: Lang): Record<string, string> {
  const input = (err as ZodError & { input?: unknown }).input
  const out: Record<string, string> = {}
  for (const issue of err.issues) {
    const base = issue.path.map(String).join('.')
    const put = (path: string, msg: string) => {
      if (!(path in out)) out[path || '(body)'] = msg
    }
    const i = issue as any
    switch (issue.code) {
      case 'invalid_type':
        put(base, valueAt(input, issue.path) === undefined ? fieldMessage('required', lang) : fieldMessage('type', lang, i.expected))
        break
      case 'unrecognized_keys':
        for (const k of i.keys as string[]) put(base ? `${base}.${k}` : k, fieldMessage('unknown', lang))
        break
      case 'too_small':
        put(base, fieldMessage(i.origin === 'string' || i.origin === 'array' ? 'tooShort' : 'tooSmall', lang, i.minimum))
        break
      case 'too_big':
        put(base, fieldMessage(i.origin === 'string' || i.origin === 'array' ? 'tooLong' : 'tooBig', lang, i.maximum))
        break
      case 'invalid_value':
        put(base, fieldMessage('enum', lang, (i.values ?? []).join(', ')))
        break
      case 'custom':
        put(base, i.params?.key ? fieldMessage(i.params.key, lang) : issue.message)
        break
      default:
        put(base, i.format === 'date' ? fieldMessage('date', lang) : fieldMessage('format', lang))
    }
  }
  return out
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: any = input
  for (const k of path) v = v == null ? undefined : v[k as any]
  return v
}

function send(reply: FastifyReply, lang: Lang, code: ErrorCode, fields?: Record<string, string>, extra?: Record<string, unknown>) {
  const def = ERRORS[code]
  return reply.status(def.status).send({ error: { code, message: def[lang], ...(fields ? { fields } : {}), ...extra } })
}

/** The one error handler: known errors get their code and message; 5xx details stay in the log. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req)
  if (err instanceof AppError) return send(reply, lang, err.code, localizeFields(err.fields, lang), err.extra)
  if (err instanceof ZodError) return send(reply, lang, 'VALIDATION', zodFields(err, lang))
  const fe = err as FastifyError
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, lang, 'BODY_TOO_LARGE')
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, lang, 'UNSUPPORTED_MEDIA_TYPE')
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return send(reply, lang, 'MALFORMED_JSON')
  if (err instanceof DbError || (err as any).code === '23505') {
    if ((err as any).code === '23505') return send(reply, lang, 'DUPLICATE')
  }
  if (fe.statusCode && fe.statusCode < 500) return send(reply, lang, fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION')
  req.log.error(err)
  return send(reply, lang, 'INTERNAL')
}
