// Bulk loading through the ordinary Db interface: one multi-row
// `INSERT … SELECT FROM unnest($1::int[], $2::text[], …)` per batch of rows. It runs unchanged on
// PGlite and PostgreSQL, so the generator needs no driver of its own (client.ts stays the only file
// that imports one). Measured on this machine's PostgreSQL 15, 200,000 people: unnest in batches of
// 50,000 took 5.3 s without secondary indexes, COPY FROM STDIN 4.2 s; both spend ~2 s computing the
// name_search generated column. COPY would save ~20% and needs the pg driver and a new dependency.
import type { Queryable } from '../../types.ts'

export type ColumnType = 'int' | 'bigint' | 'text' | 'bool' | 'date' | 'timestamptz' | 'ltree' | 'jsonb' | 'bytea' | 'intArray' | 'textArray' | 'numeric'

const ARRAY_TYPE: Record<ColumnType, string> = {
  int: 'int[]', bigint: 'bigint[]', text: 'text[]', bool: 'boolean[]', date: 'text[]', timestamptz: 'text[]', ltree: 'text[]', jsonb: 'text[]', bytea: 'text[]', intArray: 'text[]', textArray: 'text[]', numeric: 'text[]',
}
// Dates, timestamps, ltree, jsonb and bytes travel as text and are cast per row: PGlite cannot
// serialize a JS array of a type it does not know (ltree), ISO strings keep dates free of time
// zones, and bytes (sealed values) go as hex, which both drivers pass through unchanged. Array
// columns travel as their literal ('{1,2}'; push a JS array and it is written as one).
const CAST: Partial<Record<ColumnType, (column: string) => string>> = {
  date: (c) => `${c}::date`, timestamptz: (c) => `${c}::timestamptz`, ltree: (c) => `${c}::ltree`, jsonb: (c) => `${c}::jsonb`, bytea: (c) => `decode(${c}, 'hex')`,
  intArray: (c) => `${c}::int[]`, textArray: (c) => `${c}::text[]`, numeric: (c) => `${c}::numeric`,
}

export const BATCH_ROWS = 50_000

/** A PostgreSQL array literal of numbers or strings (each string quoted and escaped). */
export const arrayText = (xs: unknown[]) =>
  '{' + xs.map((x) => (typeof x === 'number' ? String(x) : `"${String(x).replace(/["\\]/g, (c) => '\\' + c)}"`)).join(',') + '}'

/**
 * Rows for one table, kept as one array per column and written a batch at a time. Writes are
 * chained on one promise: the next batch is generated in JavaScript while the database inserts
 * the previous one (on one connection, so order is kept).
 */
export class TableWriter {
  readonly columns: { name: string; type: ColumnType }[]
  private cols: unknown[][]
  private sql: string
  rows = 0
  written = 0
  /** Time the database spent on this table's batches. */
  ms = 0

  constructor(
    readonly table: string,
    columns: [string, ColumnType][],
    private readonly loader: Loader,
  ) {
    this.columns = columns.map(([name, type]) => ({ name, type }))
    this.cols = this.columns.map(() => [])
    const names = this.columns.map((c) => c.name).join(', ')
    const unnest = this.columns.map((c, i) => `$${i + 1}::${ARRAY_TYPE[c.type]}`).join(', ')
    const select = this.columns.map((c, i) => CAST[c.type]?.(`c${i}`) ?? `c${i}`).join(', ')
    const alias = this.columns.map((_, i) => `c${i}`).join(', ')
    this.sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${alias})`
  }

  /** One row, values in column order (bytes as a Buffer). */
  push(...values: unknown[]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]
      this.cols[i].push(v instanceof Uint8Array ? Buffer.from(v).toString('hex') : Array.isArray(v) ? arrayText(v) : v)
    }
    this.rows++
    if (this.cols[0].length >= BATCH_ROWS) this.loader.flushThrough(this)
  }

  /** Hands the buffered rows to the loader's write chain. */
  takeBatch(): { sql: string; params: unknown[][]; n: number } | null {
    const n = this.cols[0].length
    if (!n) return null
    const params = this.cols
    this.cols = this.columns.map(() => [])
    return { sql: this.sql, params, n }
  }
}

/**
 * Tables in foreign-key order. Flushing one table flushes every table before it first, so a batch
 * of children never reaches the database ahead of its parents.
 */
export class Loader {
  private tables: TableWriter[] = []
  private chain: Promise<void> = Promise.resolve()
  private inFlight = 0
  private failure: unknown = null

  constructor(
    private readonly tx: Queryable,
    private readonly onWritten: (table: string, n: number) => void = () => {},
  ) {}

  table(name: string, columns: [string, ColumnType][]): TableWriter {
    const t = new TableWriter(name, columns, this)
    this.tables.push(t)
    return t
  }

  flushThrough(target: TableWriter) {
    for (const t of this.tables) {
      const batch = t.takeBatch()
      if (batch) this.enqueue(t, batch)
      if (t === target) break
    }
  }

  private enqueue(t: TableWriter, b: { sql: string; params: unknown[][]; n: number }) {
    this.inFlight++
    this.chain = this.chain.then(async () => {
      try {
        if (this.failure) return
        const started = Date.now()
        await this.tx.query(b.sql, b.params)
        t.ms += Date.now() - started
        t.written += b.n
        this.onWritten(t.table, b.n)
      } catch (e) {
        this.failure = e
      } finally {
        this.inFlight--
      }
    })
  }

  /** Waits while more than `max` batches are queued: generation may run ahead, memory may not. */
  async backpressure(max = 2) {
    // Let the event loop run: queued batches start, finished ones report back.
    await new Promise((resolve) => setImmediate(resolve))
    while (this.inFlight > max && !this.failure) await this.chain
    if (this.failure) throw this.failure
  }

  /** Writes everything still buffered and waits for it. */
  async flushAll() {
    if (this.tables.length) this.flushThrough(this.tables[this.tables.length - 1])
    await this.chain
    if (this.failure) throw this.failure
  }
}

/**
 * Secondary indexes of `tables` (those not backing a constraint), dropped for the load and
 * recreated from their own definitions after it: building an index once is several times faster
 * than maintaining it row by row, most of all the trigram GIN indexes.
 */
export async function dropSecondaryIndexes(tx: Queryable, tables: string[]): Promise<string[]> {
  const rows = await tx.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  )
  for (const r of rows) await tx.query(`DROP INDEX ${r.name}`)
  return rows.map((r) => r.def)
}

/** Moves each identity sequence past the ids the generator set explicitly. */
export async function syncIdentity(tx: Queryable, tables: string[]) {
  for (const t of tables) {
    await tx.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM ${t}), 0) + 1, false)`, [t])
  }
}
