// Writing a write's answer into the query cache (a write answers once: the saved record comes
// back, the page shows it without asking again). Lists are cached as arrays or as `{ items }` pages.
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { isApiError } from './client.ts'

type Identified = { id: number }

/**
 * `list` with `saved` in place of the record with its id; a list that does not hold it comes back
 * unchanged, or with `saved` appended when `isAppended` (a list that holds every record, like the
 * unit tree).
 */
export function replaceInList<T extends Identified, L extends T[] | { items: T[] }>(list: L, saved: T, isAppended = false): L {
  const items = Array.isArray(list) ? list : list.items
  const isHeld = items.some((x) => x.id === saved.id)
  if (!isHeld && !isAppended) return list
  const next = isHeld ? items.map((x) => (x.id === saved.id ? saved : x)) : [...items, saved]
  return (Array.isArray(list) ? next : { ...list, items: next }) as L
}

/**
 * Puts a saved record in place in every cached list under `lists` that shows it, then marks those
 * lists stale: a new record, or one whose name or unit changed, may belong on another page or in
 * another order, so the list on screen reads again and the others wait until they are opened.
 */
export function storeInLists<T extends Identified>(qc: QueryClient, saved: T, lists: QueryKey[], opts: { isAppended?: boolean } = {}) {
  for (const queryKey of lists) {
    qc.setQueriesData<T[] | { items: T[] }>({ queryKey }, (data) => (data ? replaceInList(data, saved, opts.isAppended) : data))
  }
  return Promise.all(lists.map((queryKey) => qc.invalidateQueries({ queryKey })))
}

/**
 * The callbacks of a mutation that answers the saved record: the record into the lists under
 * `lists` (see storeInLists) and `alsoStale` marked stale (other lists that show its name); on a
 * version conflict the lists are read again, so they show the record as it is now.
 */
export function savedRecordCallbacks<T extends Identified>(qc: QueryClient, lists: QueryKey[], opts: { alsoStale?: QueryKey[]; isAppended?: boolean } = {}) {
  const invalidate = (keys: QueryKey[]) => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })))
  return {
    onSuccess: (saved: T) => Promise.all([storeInLists(qc, saved, lists, opts), invalidate(opts.alsoStale ?? [])]),
    onError: (e: unknown) => (isApiError(e, 'CONFLICT') ? invalidate(lists) : undefined),
  }
}
