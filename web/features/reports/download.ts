import { useCallback, useEffect, useRef, useState } from 'react'
import { downloadFile, type QueryValue } from '../../api/client.ts'

export type DownloadProgress =
  | { phase: 'idle' }
  /** Waiting for the first byte: the server is putting the document together. */
  | { phase: 'generating'; seconds: number }
  | { phase: 'receiving'; received: number; total: number | null }

/**
 * One download at a time per button (fetched and saved by the API client's `downloadFile`): the
 * seconds waited while the server builds the document, then the bytes received, and the error if
 * it fails. Leaving the page cancels the download; so does starting it again.
 */
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
    const started = Date.now()
    setProgress({ phase: 'generating', seconds: 0 })
    const tick = setInterval(() => setProgress({ phase: 'generating', seconds: Math.floor((Date.now() - started) / 1000) }), 500)
    const onProgress = (received: number, total: number | null) => {
      clearInterval(tick)
      if (!controller.signal.aborted) setProgress({ phase: 'receiving', received, total })
    }
    try {
      await downloadFile(path, query, fallbackName, { onProgress, signal: controller.signal })
      return true
    } catch (e) {
      if ((e as Error)?.name !== 'AbortError') setError(e instanceof Error ? e.message : String(e))
      return false
    } finally {
      clearInterval(tick)
      if (abort.current === controller) {
        abort.current = null
        setProgress({ phase: 'idle' })
      }
    }
  }, [])

  return { start, progress, error, isBusy: progress.phase !== 'idle', clearError: () => setError(null) }
}
