import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective, userFor } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { matrixCache } from './matrix.cache.ts'
import { matrixCoverage } from './matrix.coverage.ts'
import { rollMatrices } from './matrix.rollup.ts'
import { directiveMatrix, type MatrixOptions } from './matrix.service.ts'
import { flatMatrixParts } from './matrix.stream.ts'

// The whole flat view is written a chunk of rows at a time (never held whole); it must say exactly
// what the view built whole says, rows in the same order.

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let board: Session
let boardUser: CurrentUser
const asOf = '2026-03-20'
const flat: MatrixOptions = { depth: 1, asOf, sort: 'tree', flat: true, overdueOnly: false }

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id], requirements: 2 })
  const [r1, r2] = dir.requirementIds
  const [p] = await t.db.query<{ id: number }>('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) RETURNING id', [dir.id, f.unitA.id])
  for (const [requirementId, due, status] of [[r1, '2026-03-10', 'inProgress'], [r2, '2026-04-10', 'notStarted']] as const) {
    await t.db.query(
      `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status) VALUES ($1,$2,$3,$4,'Việc',$5,$5,$6)`,
      [p.id, dir.id, f.unitA.id, requirementId, due, status],
    )
  }
  await t.db.query(`UPDATE directive_addressee SET acknowledged_at = '2026-03-18T09:00:00Z' WHERE directive_id = $1 AND unit_id = $2`, [dir.id, f.unitA.id])
  // The day's rollups: what lets a flat view be built a chunk at a time.
  await rollMatrices(t.db, asOf)
  board = await t.login('board')
  const [{ id }] = await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'board'`)
  boardUser = await userFor(t.db, id)
})
afterAll(() => t.close())

const read = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = []
  for await (const part of stream) parts.push(part as Buffer)
  return JSON.parse(Buffer.concat(parts).toString('utf8'))
}
const stampOf = (cache: ReturnType<typeof matrixCache>, request: unknown) => cache.stamp(t.db, request)

describe('streamed flat matrix', () => {
  it('writes every row, a chunk at a time, the same rows in the same order as the view built whole', async () => {
    const whole = await directiveMatrix(t.db, boardUser, dir.id, flat, matrixCoverage)
    expect(whole.rows.length).toBe(3)
    for (const chunk of [1, 2, 500]) {
      const cache = matrixCache()
      const { epoch } = await stampOf(cache, {})
      const parts = await flatMatrixParts(cache, 'view', epoch, t.db, boardUser, dir.id, flat, matrixCoverage, chunk)
      expect(parts, `chunks of ${chunk}`).not.toBeNull()
      expect(await read(parts!.whole()), `chunks of ${chunk}`).toEqual(whole)
      // Kept as a head and one entry per chunk: a second request at the same epoch computes nothing.
      expect(cache.size.entries).toBe(1 + Math.ceil(3 / chunk))
    }
  })

  it('answers a page of a chunk\'s rows from the same kept chunks, as directiveMatrix pages it', async () => {
    const cache = matrixCache()
    const { epoch } = await stampOf(cache, {})
    const parts = (await flatMatrixParts(cache, 'view', epoch, t.db, boardUser, dir.id, flat, matrixCoverage, 2))!
    for (const offset of [0, 2, 4]) {
      const paged = await directiveMatrix(t.db, boardUser, dir.id, { ...flat, offset, limit: 2 }, matrixCoverage)
      expect(await read(await parts.page(offset)), `offset ${offset}`).toEqual(paged)
    }
    expect(cache.size.entries).toBe(1 + 2)
  })

  it('answers GET …matrix?flat=1 as a stream (no length up front) with the view built whole', async () => {
    const whole = await directiveMatrix(t.db, boardUser, dir.id, flat, matrixCoverage)
    const res = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${asOf}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-length']).toBeUndefined()
    expect(res.json()).toEqual(whole)
    // The ETag still answers 304.
    const again = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${asOf}`, undefined, { 'if-none-match': res.headers.etag as string })
    expect(again.statusCode).toBe(304)
    // The web's pages (500 rows) come from the same chunks; any other page is cut as before.
    const page = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${asOf}&limit=500`)
    expect(page.headers['content-length']).toBeUndefined()
    expect(page.json()).toEqual({ ...whole, page: { offset: 0, limit: 500, total: 3 } })
    const other = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${asOf}&limit=2`)
    expect(other.headers['content-length']).toBeDefined()
    expect(other.json().rows).toEqual(whole.rows.slice(0, 2))
  })

  it('builds filtered and ranked views and days before the rollups whole, as before', async () => {
    const cache = matrixCache()
    for (const opts of [{ ...flat, kind: 'hospital' }, { ...flat, sort: 'overdue' as const }, { ...flat, overdueOnly: true }, { ...flat, asOf: '2026-01-01' }]) {
      const { epoch, key } = await stampOf(cache, opts)
      expect(await flatMatrixParts(cache, key, epoch, t.db, boardUser, dir.id, opts, matrixCoverage)).toBeNull()
    }
    const res = await t.call(board, 'GET', `/api/v1/directives/${dir.id}/matrix?flat=1&asOf=${asOf}&sort=overdue`)
    expect(res.statusCode).toBe(200)
    expect(res.json().rows.map((r: any) => r.unitId)[0]).toBe(f.unitA.id)
  })
})

describe('matrix view cache', () => {
  it('computes a view once for requests that ask for it while it is being computed', async () => {
    const cache = matrixCache()
    let runs = 0
    let finish!: (v: unknown) => void
    const compute = () => {
      runs++
      return new Promise((r) => (finish = r))
    }
    const asked = [cache.bytes('k', 7, compute), cache.bytes('k', 7, compute), cache.bytes('k', 7, compute)]
    await new Promise((r) => setTimeout(r, 10))
    expect(cache.size.computing).toBe(1)
    finish({ rows: [1, 2] })
    const bodies = await Promise.all(asked)
    expect(runs).toBe(1)
    expect(bodies.map((b) => b.toString())).toEqual(Array(3).fill('{"rows":[1,2]}'))
    // Another epoch is another computation; a failed one is not kept and not shared afterwards.
    await expect(cache.bytes('k', 8, async () => { throw new Error('boom') })).rejects.toThrow('boom')
    expect((await cache.bytes('k', 8, async () => ({ rows: [] }))).toString()).toBe('{"rows":[]}')
    expect(cache.size).toMatchObject({ entries: 1, computing: 0 })
  })
})
