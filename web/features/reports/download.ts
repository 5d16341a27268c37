import { useCallback, useEffect, useRef, useState } from 'react'
import { API_BASE, ApiError, toQueryString, type QueryValue } from '../../api/client.ts'
import { getLang } from '../../i18n/lang.ts'
import { translate } from '../../i18n/translate.ts'

export type DownloadProgress =
  | { phase: 'idle' }
  /** Waiting for the first byte: the server is putting the document together. */
  | { phase: 'generating'; seconds: number }
  | { phase: 'receiving'; received: number; total: number | null }

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

/**
 * Fetches a generated document as a blob, reporting progress (seconds waited while the server
 * builds it, then bytes received), and saves it. A refused or failed request throws its message
 * instead of saving an error page as the file.
 */
export async function downloadWithProgress(path: string, query: Record<string, QueryValue> | undefined, fallbackName: string, onProgress: (p: DownloadProgress) => void, signal?: AbortSignal) {
  const lang = getLang()
  const started = Date.now()
  onProgress({ phase: 'generating', seconds: 0 })
  const tick = setInterval(() => onProgress({ phase: 'generating', seconds: Math.floor((Date.now() - started) / 1000) }), 500)
  let res: Response
  try {
    res = await fetch(API_BASE + path + toQueryString(query), { headers: { 'accept-language': lang }, credentials: 'same-origin', signal })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, 'NETWORK', translate(lang, 'error.network'))
  } finally {
    clearInterval(tick)
  }
  if (!res.ok) {
    const err = await res.json().then((d) => d?.error, () => null)
    if (err?.code) throw new ApiError(res.status, err.code, err.message, err.fields ?? {})
    throw new ApiError(res.status, res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', translate(lang, 'error.unexpected', { status: res.status }))
  }
  const length = Number(res.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  onProgress({ phase: 'receiving', received, total })
  if (res.body) {
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      onProgress({ phase: 'receiving', received, total })
    }
  }
  const blob = new Blob(chunks.length ? chunks : [await res.blob()], { type: res.headers.get('content-type') ?? 'application/octet-stream' })
  saveBlob(blob, fileNameOf(res, fallbackName))
}

/** One download at a time per button, with its progress and error, cancelled if the page goes away. */
export function useDownload() {
  const [progress, setProgress] = useState<DownloadProgress>({ phase: 'idle' })
  const [error, setError] = useState<string | null>(null)
  const abort = useRef<AbortController | null>(null)
  useEffect(() => () => abort.current?.abort(), [])

  const start = useCallback(async (path: string, query: Record<string, QueryValue> | undefined, fallbackName: string) => {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setError(null)
    try {
      await downloadWithProgress(path, query, fallbackName, setProgress, controller.signal)
      return true
    } catch (e) {
      if ((e as Error)?.name !== 'AbortError') setError(e instanceof Error ? e.message : String(e))
      return false
    } finally {
      if (abort.current === controller) {
        abort.current = null
        setProgress({ phase: 'idle' })
      }
    }
  }, [])

  return { start, progress, error, isBusy: progress.phase !== 'idle', clearError: () => setError(null) }
}
