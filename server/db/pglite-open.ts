import { PGlite } from '@electric-sql/pglite'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { TYPE_OIDS, parseDate, parseInt8, parseNumeric } from './types.ts'

/** Opens PGlite with the extensions and type parsers BVCT relies on. dir undefined = in memory. */
export async function openPglite(dir?: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dir ?? 'memory://', {
    extensions: { ltree, pg_trgm, unaccent },
    parsers: {
      [TYPE_OIDS.int8]: parseInt8,
      [TYPE_OIDS.numeric]: parseNumeric,
      [TYPE_OIDS.date]: parseDate,
    },
    // The default 1 GB WAL makes a small data folder huge; keep it modest.
    postgresqlconf: ['max_wal_size=128MB', 'min_wal_size=32MB'],
    ...(loadDataDir ? { loadDataDir } : {}),
  } as any)
}
