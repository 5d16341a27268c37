import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isApiError } from '../../api/client.ts'
import { reportKey, saveDraftRequest, type DraftConflict, type DraftContent, type ReportDetail } from './api.ts'
import { draftBody, mergeDrafts, sameContent, stateAfterSave } from './draft.ts'

/**
 * Saves still under way, by report: a page left in the middle of a save, and opened again, waits
 * for it before reading the report, so it neither shows the older text nor conflicts with itself.
 */
const pendingSaves = new Map<string, Promise<boolean>>()
const saveKey = (periodId: number, unitId: number) => `${periodId}/${unitId}`

/** True while a save of this report started by an earlier page is still under way. */
export function useEarlierSavePending(periodId: number, unitId: number): boolean {
  const key = saveKey(periodId, unitId)
  const [isPending, setIsPending] = useState(() => pendingSaves.has(key))
  useEffect(() => {
    const p = pendingSaves.get(key)
    if (!p) return setIsPending(false)
    let isLive = true
    void p.finally(() => isLive && setIsPending(false))
    return () => {
      isLive = false
    }
  }, [key])
  return isPending
}

/**
 * Text that could not be stored when the page was left (a refused or failed last save, or an
 * unresolved conflict) waits in this tab's sessionStorage until the report is opened again, where
 * the user can bring it back. sessionStorage, not localStorage: it goes when the tab is closed,
 * so a shared computer does not keep report text.
 */
export interface UnsavedStash {
  content: DraftContent
  base: DraftContent
  version: number
  at: string
}
const stashKey = (periodId: number, unitId: number) => `bvct.unsavedReport.${periodId}.${unitId}`

function readStash(periodId: number, unitId: number): UnsavedStash | null {
  try {
    const raw = sessionStorage.getItem(stashKey(periodId, unitId))
    return raw ? (JSON.parse(raw) as UnsavedStash) : null
  } catch {
    return null
  }
}

function writeStash(periodId: number, unitId: number, stash: UnsavedStash | null) {
  try {
    if (stash) sessionStorage.setItem(stashKey(periodId, unitId), JSON.stringify(stash))
    else sessionStorage.removeItem(stashKey(periodId, unitId))
  } catch {
    // storage full or blocked: nothing more can be done here
  }
}

/** How long typing has to pause before the draft saves itself. */
export const AUTOSAVE_DELAY_MS = 3000
const RETRY_AFTER_ERROR_MS = 15_000

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: DraftConflict }

/**
 * The draft being edited, saved 3 s after typing stops, when the tab is hidden and when the page
 * is left. Each save sends the version it was based on; a refused save (someone else saved first)
 * stops autosave and keeps both texts until the user decides, so nothing is overwritten unseen.
 */
export function useDraftEditor(periodId: number, unitId: number, detail: ReportDetail, isEditable: boolean) {
  const qc = useQueryClient()
  const [content, setContentState] = useState<DraftContent>(detail.draft)
  const [state, setState] = useState<SaveState>({ kind: 'clean' })
  const contentRef = useRef(content)
  /** What the server holds at `version`: the base for "is there anything to save" and for merging. */
  const base = useRef<DraftContent>(detail.draft)
  const version = useRef(detail.version)
  const reportId = useRef(detail.id)
  const conflict = useRef<DraftConflict | null>(null)
  const inFlight = useRef<Promise<boolean> | null>(null)
  const [restorable, setRestorable] = useState<UnsavedStash | null>(() => {
    const stash = isEditable ? readStash(periodId, unitId) : null
    // Saved after all (the last save finished as the page went away): nothing to bring back.
    if (stash && sameContent(stash.content, detail.draft)) {
      writeStash(periodId, unitId, null)
      return null
    }
    return stash
  })
  const stashNow = useCallback(
    () => writeStash(periodId, unitId, { content: contentRef.current, base: base.current, version: version.current, at: new Date().toISOString() }),
    [periodId, unitId],
  )

  const setContent = useCallback((next: DraftContent | ((d: DraftContent) => DraftContent)) => {
    const value = typeof next === 'function' ? next(contentRef.current) : next
    contentRef.current = value
    setContentState(value)
  }, [])

  const saveOnce = useCallback(async (force: boolean): Promise<boolean> => {
    if (conflict.current) return false
    const sending = contentRef.current
    if (!force && reportId.current !== null && sameContent(sending, base.current)) return true
    setState({ kind: 'saving' })
    try {
      const saved = await saveDraftRequest(periodId, unitId, draftBody(sending, version.current))
      version.current = saved.version
      reportId.current = saved.id
      base.current = sending
      if (sameContent(contentRef.current, sending)) writeStash(periodId, unitId, null)
      qc.setQueryData(reportKey(periodId, unitId), saved)
      setState(stateAfterSave(contentRef.current, sending, saved.draftUpdatedAt ?? new Date().toISOString()))
      return true
    } catch (e) {
      const current = isApiError(e, 'CONFLICT') ? (e.details.current as DraftConflict | undefined) : undefined
      if (current?.draft) {
        // Our own earlier save whose answer was lost looks like a conflict with identical text.
        if (sameContent(current.draft, sending)) {
          version.current = current.version
          base.current = current.draft
          setState(stateAfterSave(contentRef.current, sending, current.updatedAt ?? new Date().toISOString()))
          return true
        }
        conflict.current = current
        setState({ kind: 'conflict', current })
        return false
      }
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) })
      return false
    }
  }, [periodId, unitId, qc])

  /** Saves now (after any save already under way). `force` saves even unchanged text, e.g. to create the report. */
  const save = useCallback(async (force = false): Promise<boolean> => {
    while (inFlight.current) await inFlight.current
    const key = saveKey(periodId, unitId)
    const p = saveOnce(force).finally(() => {
      inFlight.current = null
      if (pendingSaves.get(key) === p) pendingSaves.delete(key)
    })
    inFlight.current = p
    pendingSaves.set(key, p)
    return p
  }, [saveOnce, periodId, unitId])

  // Autosave: 3 s after the last change (each edit restarts the wait).
  useEffect(() => {
    if (!isEditable || conflict.current || sameContent(content, base.current)) return
    setState((s) => (s.kind === 'saving' || s.kind === 'error' ? s : { kind: 'dirty' }))
    const id = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(id)
  }, [content, isEditable, save])

  // After a failed save (network, server down) try again a little later, without a new edit.
  useEffect(() => {
    if (state.kind !== 'error' || !isEditable) return
    const id = setTimeout(() => void save(), RETRY_AFTER_ERROR_MS)
    return () => clearTimeout(id)
  }, [state, isEditable, save])

  // Leaving: save what is unsaved when the tab is hidden, and when this page unmounts (navigation).
  useEffect(() => {
    if (!isEditable) return
    const isUnsaved = () => !conflict.current && !sameContent(contentRef.current, base.current)
    const onHide = () => {
      if (document.visibilityState === 'hidden' && isUnsaved()) void save()
    }
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (conflict.current) stashNow()
      if (!isUnsaved() && !inFlight.current) return
      stashNow() // kept for a reload of this tab, in case the save below does not finish
      void save()
      e.preventDefault() // the browser asks "leave the page?" while the text is not stored
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
      if (conflict.current) stashNow()
      else if (isUnsaved()) void save().then((ok) => ok || stashNow())
    }
  }, [isEditable, save, stashNow])

  /** Conflict: drop the user's text and continue from the other person's. */
  const takeTheirs = useCallback(() => {
    const current = conflict.current
    if (!current) return
    conflict.current = null
    version.current = current.version
    base.current = current.draft
    setContent(current.draft)
    setState({ kind: 'saved', at: current.updatedAt ?? new Date().toISOString() })
  }, [setContent])

  /**
   * Conflict: keep the user's text where they changed it, take the other person's everywhere
   * else, and save that on top of their version.
   */
  const keepMine = useCallback(async () => {
    const current = conflict.current
    if (!current) return false
    const merged = mergeDrafts(base.current, contentRef.current, current.draft)
    conflict.current = null
    version.current = current.version
    base.current = current.draft
    setContent(merged)
    return save(true)
  }, [save, setContent])

  /**
   * Brings back text left unsaved on an earlier visit, on top of the version it was written
   * against: if the report has moved on since, the save is refused and the usual side-by-side
   * comparison follows.
   */
  const restore = useCallback(() => {
    if (!restorable) return
    version.current = restorable.version
    base.current = restorable.base
    setContent(restorable.content)
    setRestorable(null)
    writeStash(periodId, unitId, null)
    void save(true)
  }, [restorable, periodId, unitId, save, setContent])

  const discardRestorable = useCallback(() => {
    setRestorable(null)
    writeStash(periodId, unitId, null)
  }, [periodId, unitId])

  /** A refused submit can carry a newer draft too: show it the same way. */
  const showConflict = useCallback((current: DraftConflict) => {
    conflict.current = current
    setState({ kind: 'conflict', current })
  }, [])

  return {
    content,
    setContent,
    state,
    save,
    takeTheirs,
    keepMine,
    showConflict,
    /** Text from an earlier visit that never reached the server, if any. */
    restorable,
    restore,
    discardRestorable,
    /** The text as last stored, for showing what the user changed. */
    base: base.current,
    version: () => version.current,
    reportId: () => reportId.current,
    isUnsaved: () => !sameContent(contentRef.current, base.current),
  }
}

export type DraftEditor = ReturnType<typeof useDraftEditor>
