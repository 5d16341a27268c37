import type { PGlite } from '@electric-sql/pglite'

/** postgresql.conf lines every BVCT PGlite starts with. */
export declare const PGLITE_SETTINGS: readonly string[]
/** Opens PGlite with the extensions, settings and type parsers BVCT relies on. dir undefined = in memory. */
export declare function openPglite(dir?: string, loadDataDir?: Blob): Promise<PGlite>
