// Plain JavaScript on purpose: the PGlite worker thread loads this file, and registering tsx in a
// worker costs about a second and ~50 MB at every start (tsx also transpiles PGlite's own bundle
// there). Types: pglite-open.d.mts.
import { PGlite } from '@electric-sql/pglite'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'

// The same JS types as the pg driver (types.ts): int8 and numeric as numbers, date as the ISO
// 'yyyy-mm-dd' string. The OIDs are types.ts's TYPE_OIDS.
const toNumber = (v) => Number(v)
const PARSERS = { 20: toNumber, 1700: toNumber, 1082: (v) => v }

export const PGLITE_SETTINGS = [
  // The default 1 GB WAL makes a small data folder huge; keep it modest.
  'max_wal_size=128MB',
  'min_wal_size=32MB',
  // PGlite touches all of shared_buffers when it starts: the 128 MB default is 128 MB of resident
  // memory before the first query. The demo and a small office's data fit in 32 MB many times
  // over, and a page that does not fit is one read away in the operating system's file cache.
  'shared_buffers=32MB',
  // The ministry's calendar (server/lib/dates.ts): `timestamptz::date` is the day in Vietnam.
  "timezone='Asia/Ho_Chi_Minh'",
]

/** Opens PGlite with the extensions, settings and type parsers BVCT relies on. dir undefined = in memory. */
export async function openPglite(dir, loadDataDir) {
  return PGlite.create(dir ?? 'memory://', {
    extensions: { ltree, pg_trgm, unaccent },
    parsers: PARSERS,
    postgresqlconf: PGLITE_SETTINGS,
    ...(loadDataDir ? { loadDataDir } : {}),
  })
}
