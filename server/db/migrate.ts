import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db } from './types.ts'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
// Any constant: two processes migrating one PostgreSQL database take turns.
const MIGRATION_LOCK = 42_001_946

export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(MIGRATIONS_DIR + name, 'utf8') }))
}

/** Applies pending migrations in order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
  // Usually all are applied already: one query says so, rather than a transaction for each.
  const known = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name))
  const applied: string[] = []
  for (const m of listMigrations()) {
    if (known.has(m.name)) continue
    // Checked again inside: another process may have applied it meanwhile.
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const rows = await tx.query('SELECT 1 FROM schema_migration WHERE name = $1', [m.name])
      if (rows.length) return false
      for (const stmt of splitStatements(m.sql)) await tx.query(stmt)
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [m.name])
      return true
    })
    if (done) applied.push(m.name)
  }
  return applied
}

/** Splits a migration on semicolons that end a line, keeping $$-quoted bodies whole. */
export function splitStatements(sql: string): string[] {
  const out: string[] = []
  let cur = ''
  let inDollar = false
  for (const line of sql.split('\n')) {
    if (!inDollar && /^\s*--/.test(line)) continue
    cur += line + '\n'
    const dollars = (line.match(/\$\$/g) ?? []).length
    if (dollars % 2 === 1) inDollar = !inDollar
    if (!inDollar && /;\s*$/.test(line)) {
      out.push(cur.trim())
      cur = ''
    }
  }
  if (cur.trim()) out.push(cur.trim())
  return out
}
