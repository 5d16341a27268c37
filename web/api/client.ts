// The one place that talks HTTP to /api/v1: same-origin cookies, the CSRF header on state
// changes, the UI language in Accept-Language (the server localizes error messages by it), and
// errors turned into ApiError with the server's code, message and per-field messages.
import { CSRF_COOKIE, CSRF_HEADER } from '../../contract/auth.ts'
import type { ErrorBody, ErrorCode } from '../../contract/errors.ts'
import { getLang, type Lang } from '../i18n/lang.ts'
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
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, QueryValue>
  signal?: AbortSignal
  /** Extra headers, e.g. `Idempotency-Key` so a retried save is not stored twice. */
  headers?: Record<string, string>
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST')
  const lang = getLang()
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json', 'accept-language': lang }
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const isForm = opts.body instanceof FormData
  if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json'
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
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (e) {
    throw unreachable(e, lang)
  }

  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // A proxy's HTML error page, say: handled below by status.
  }
  if (res.ok) return data as T
  throw refused(res.status, data, lang)
}

/** No answer at all: an abort is passed on as it is (the caller asked for it), anything else is NETWORK. */
function unreachable(e: unknown, lang: Lang): unknown {
  return (e as Error)?.name === 'AbortError' ? e : new ApiError(0, 'NETWORK', translate(lang, 'error.network'))
}

/** A 4xx/5xx answer as an ApiError: the server's `error` when it sent one, else a message by status. */
function refused(status: number, data: unknown, lang: Lang): ApiError {
  const err = (data as Partial<ErrorBody> | null)?.error
  if (err?.code) {
    const { code, message, fields, ...details } = err
    return new ApiError(status, code, message, fields ?? {}, details)
  }
  return new ApiError(status, status === 404 ? 'NOT_FOUND' : 'INTERNAL', translate(lang, 'error.unexpected', { status }))
}

export interface DownloadOptions {
  /**
   * Called when the answer starts (0 bytes) and as each part of the file arrives: the bytes so far
   * and the whole size when the server says it (Content-Length), else null.
   */
  onProgress?: (received: number, total: number | null) => void
  /** Aborting stops the request or the reading of the file; the call then rejects with an AbortError. */
  signal?: AbortSignal
}

/**
 * Fetches a file (evidence, an .xlsx export, a generated report) and hands it to the browser as a
 * download, so a refused or failed request shows its message instead of saving an error page as
 * the file. The body is read as a stream, for `onProgress`.
 */
export async function downloadFile(path: string, query?: Record<string, QueryValue>, fallbackName = 'download', opts: DownloadOptions = {}): Promise<void> {
  const lang = getLang()
  let res: Response
  try {
    res = await fetch(API_BASE + path + toQueryString(query), { headers: { 'accept-language': lang }, credentials: 'same-origin', signal: opts.signal })
  } catch (e) {
    throw unreachable(e, lang)
  }
  if (!res.ok) throw refused(res.status, await res.json().catch(() => null), lang)
  const length = Number(res.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  opts.onProgress?.(received, total)
  if (res.body) {
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      opts.onProgress?.(received, total)
    }
  }
  const blob = new Blob(chunks.length ? chunks : [await res.blob()], { type: res.headers.get('content-type') ?? 'application/octet-stream' })
  saveBlob(blob, fileNameOf(res, fallbackName))
}

/** "Content-Disposition: attachment; filename*=UTF-8''…" → the file name the server chose. */
function fileNameOf(res: Response, fallback: string): string {
  const disposition = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1] : fallback
}

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/** A fresh Idempotency-Key; getRandomValues works on plain-http intranet hosts where randomUUID does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
