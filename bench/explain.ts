// node --import tsx bench/explain.ts ["endpoint name" …]
// For each endpoint (default: all with a direct function), runs its route's function once with
// every query captured, then prints each query's EXPLAIN (ANALYZE, BUFFERS) on the same database:
// which statement of an endpoint grows with the data, and why. Read-only endpoints only.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../server/db/types.ts'
import { benchTarget, openBenchDb, prepareTargets, setAcks } from './database.ts'
import { ENDPOINTS } from './endpoints.ts'
import { vnDay } from '../server/lib/dates.ts'

const READ_ONLY = new Set(['matrix (first view)', 'matrix subtree', 'matrix flat', 'unit tree', 'unit plan', 'people search', 'corrective actions', 'inspection page',
  'inspection plan vs actual', 'readiness roll-up', 'channels register', 'incidents list'])
const names = process.argv.slice(2)
const target = benchTarget(process.env, join(fileURLToPath(new URL('.', import.meta.url)), '.data', 'pglite'))
const { db, release } = await openBenchDb(target)
try {
  const t = await prepareTargets(db, 1, vnDay(new Date()))
  await setAcks(db, t.savedAcks)
  for (const ep of ENDPOINTS.filter((e) => e.direct && READ_ONLY.has(e.name) && (!names.length || names.includes(e.name)))) {
    const captured: { sql: string; params?: unknown[]; ms: number }[] = []
    const spy: Db = {
      ...db,
      async query(sql: string, params?: unknown[]) {
        const started = performance.now()
        const rows = await db.query(sql, params)
        captured.push({ sql, params: params && [...params], ms: performance.now() - started })
        return rows as any
      },
    }
    const fn = await ep.direct!(spy, t)
    captured.length = 0
    await fn()
    console.log(`\n==== ${ep.name}: ${captured.length} queries, ${captured.reduce((s, c) => s + c.ms, 0).toFixed(1)} ms`)
    for (const c of captured) {
      console.log(`\n-- ${c.ms.toFixed(1)} ms\n${c.sql.replace(/\s+/g, ' ').trim()}`)
      const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.params)
      console.log(plan.map((p) => p['QUERY PLAN']).join('\n'))
    }
  }
} finally {
  await db.close()
  release()
}
