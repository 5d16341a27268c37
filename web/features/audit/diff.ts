export type DiffStatus = 'added' | 'removed' | 'changed' | 'same'

export interface DiffRow {
  key: string
  before: unknown
  after: unknown
  status: DiffStatus
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Field-by-field comparison of an audit entry's `before` and `after` snapshots: changed fields
 * first, then the unchanged ones, each group in the order the fields appear. A snapshot that is
 * not an object is compared as one value.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return []
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return [{ key: '', before, after, status: before == null ? 'added' : after == null ? 'removed' : same(before, after) ? 'same' : 'changed' }]
  }
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  const rows = keys.map((key): DiffRow => {
    const inBefore = before != null && key in b
    const inAfter = after != null && key in a
    const status: DiffStatus = !inBefore ? 'added' : !inAfter ? 'removed' : same(b[key], a[key]) ? 'same' : 'changed'
    return { key, before: b[key], after: a[key], status }
  })
  return [...rows.filter((r) => r.status !== 'same'), ...rows.filter((r) => r.status === 'same')]
}
