import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../../test/db.ts'
import { listMigrations, migrate, splitStatements } from './migrate.ts'
import { openPgliteWorker } from './client.ts'
import { PGLITE_SETTINGS } from './pglite-open.mjs'
import type { Db } from './types.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.close())

describe('migrations', () => {
  it('run on PostgreSQL when TEST_DATABASE_URL is set, else on PGlite', () => {
    expect(db.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite')
  })

  it('have all been applied, and a second run applies nothing', async () => {
    const applied = (await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).map((r) => r.name)
    expect(applied).toEqual(listMigrations().map((m) => m.name))
    expect(await migrate(db)).toEqual([])
  })

  it('keep $$-quoted function bodies whole when splitting statements', () => {
    const parts = splitStatements(`CREATE TABLE a (x int);\n-- note;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n SELECT 1;\n$$;\nSELECT 2;`)
    expect(parts).toHaveLength(3)
    expect(parts[1]).toContain('SELECT 1;')
  })

  it('give the same JS types on both drivers: int8 and numeric as numbers, date as yyyy-mm-dd', async () => {
    const [r] = await db.query<any>(`SELECT 5::int8 AS big, count(*) AS n, 1.5::numeric AS num, '2024-03-15'::date AS d, now() AS ts`)
    expect(r).toMatchObject({ big: 5, n: 1, num: 1.5, d: '2024-03-15' })
    expect(r.ts).toBeInstanceOf(Date)
  })

  it('support what the schema relies on: ltree subtree queries and accent-insensitive search', async () => {
    const [r] = await db.query<any>(`SELECT '1.2.3'::ltree <@ '1.2'::ltree AS under, lower(f_unaccent('Bảo vệ Chính trị nội bộ Đảng')) AS folded`)
    expect(r).toEqual({ under: true, folded: 'bao ve chinh tri noi bo dang' })
  })

  it('roll back a failed transaction completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO app_state (key, value) VALUES ('rollback-test', '1')`)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.query(`SELECT 1 FROM app_state WHERE key = 'rollback-test'`)).toEqual([])
  })
})

describe('embedded PGlite in a worker thread', () => {
  it('keeps the event loop free while a long query runs', async () => {
    const w = await openPgliteWorker(join(mkdtempSync(join(tmpdir(), 'bvct-worker-')), 'pgdata'))
    try {
      // The worker (plain JavaScript) opens PGlite with the same parsers and settings as tests do.
      const [types] = await w.query<any>(`SELECT 5::int8 AS big, 1.5::numeric AS num, '2024-03-15'::date AS d, current_setting('shared_buffers') AS buffers`)
      expect(types).toEqual({ big: 5, num: 1.5, d: '2024-03-15', buffers: PGLITE_SETTINGS.find((x) => x.startsWith('shared_buffers='))!.split('=')[1] })
      const order: string[] = []
      const slow = w.query('SELECT pg_sleep(0.6)').then(() => order.push('query done'))
      // On the main thread PGlite would block this timer until the query ended.
      await new Promise((r) => setTimeout(r, 50)).then(() => order.push('timer fired'))
      await slow
      expect(order).toEqual(['timer fired', 'query done'])
      // Transactions still serialize: a plain query waits for the open transaction, never interleaves.
      const seen: string[] = []
      const tx = w.transaction(async (q) => {
        await q.query('CREATE TABLE t (x int)')
        await q.query('SELECT pg_sleep(0.2)')
        await q.query('INSERT INTO t VALUES (1)')
        seen.push('tx')
      })
      const read = w.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((r) => seen.push(`read ${r[0].n}`))
      await Promise.all([tx, read])
      expect(seen).toEqual(['tx', 'read 1'])
    } finally {
      await w.close()
    }
  }, 180_000)
})
