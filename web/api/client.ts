// The one place that talks HTTP to /api/v1: same-origin cookies, the CSRF header on state
// changes, the UI language in Accept-Language (the server localizes error messages by it), and
// errors turned into ApiError with the server's code, message and per-field messages.
import { CSRF_COOKIE, CSRF_HEADER } from '../../contract/auth.ts'
import type { ErrorCode } from '../../contract/errors.ts'
import { getLang } from '../i18n/lang.ts'
import { translate } from '../i18n/translate.ts'

export const API_BASE = '/api/v1'

/** Codes the server sends, plus NETWORK when no answer came back at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Localized messages keyed by field path, e.g. `name` or `roles.0.unitId`. */
    readonly fields: Record<string, string> = {},
    /** The whole `error` object, e.g. `current` (the fresh record) on CONFLICT. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const isApiError = (e: unknown, code?: ApiErrorCode): e is ApiError => e instanceof ApiError && (!code || e.code === code)

let csrfToken: string | null = null

/** Called with each `Me` the server returns; the token is needed on every non-GET request. */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token
}

function csrfFromCookie(): string | null {
  const prefix = CSRF_COOKIE + '='
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix))
  return found ? decodeURIComponent(found.slice(prefix.length)) : null
}

export type QueryValue = string | number | boolean | null | undefined

/** `?a=1&b=x`, leaving out empty values; booleans become 1 (what the list endpoints expect). */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    params.set(k, v === true ? '1' : String(v))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, QueryValue>
  signal?: AbortSignal
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST')
  const lang = getLang()
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang }
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') {
    const token = csrfToken ?? csrfFromCookie()
    if (token) headers[CSRF_HEADER] = token
  }

  let res: Response
  try {
    res = await fetch(API_BASE + path + toQueryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, 'NETWORK', translate(lang, 'error.network'))
  }

  const text = await res.text()
  let data: any = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // A proxy's HTML error page, say: handled below by status.
  }
  if (res.ok) return data as T
  const err = data?.error
  if (err?.code) {
    const { code, message, fields, ...details } = err
    throw new ApiError(res.status, code, message, fields ?? {}, details)
  }
  throw new ApiError(res.status, res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', translate(lang, 'error.unexpected', { status: res.status }))
}
