import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { matrixCache } from './matrix.cache.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id], requirements: 2 })
  board = await t.login('board')
})
afterAll(() => t.close())

const epoch = async () => (await t.db.query<{ n: number }>('SELECT n FROM matrix_epoch WHERE id = 1'))[0].n

describe('matrix view cache', () => {
  it('answers an unchanged view with 304 to its ETag, and a changed one in full', async () => {
    const url = `/api/v1/directives/${dir.id}/matrix`
    const first = await t.call(board, 'GET', url)
    expect(first.statusCode).toBe(200)
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"m\d+-/)
    expect(first.headers['cache-control']).toBe('private, no-cache')

    const again = await t.call(board, 'GET', url, undefined, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    // Another view of the same directive has its own ETag.
    const flat = await t.call(board, 'GET', `${url}?flat=1`, undefined, { 'if-none-match': etag })
    expect(flat.statusCode).toBe(200)
    expect(flat.headers.etag).not.toBe(etag)

    await t.db.query(`UPDATE directive_addressee SET acknowledged_at = '2026-03-19T08:00:00Z' WHERE directive_id = $1 AND unit_id = $2`, [dir.id, f.unitB.id])
    const changed = await t.call(board, 'GET', url, undefined, { 'if-none-match': etag })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
    expect(changed.json().rows.find((r: any) => r.unitId === f.unitB.id).acknowledged).toBe(1)
    expect(first.json().rows.find((r: any) => r.unitId === f.unitB.id).acknowledged).toBe(0)
  })

  it('gives a unit officer the view of their own scope, never a cached one of a wider scope', async () => {
    const url = `/api/v1/directives/${dir.id}/matrix`
    const wide = await t.call(board, 'GET', url)
    const officer = await t.login('unitHead.a')
    const own = await t.call(officer, 'GET', url, undefined, { 'if-none-match': wide.headers.etag as string })
    expect(own.statusCode).toBe(200)
    expect(own.json().rows.map((r: any) => r.unitId)).not.toContain(f.unitB.id)
    expect(wide.json().rows.map((r: any) => r.unitId)).toContain(f.unitB.id)
  })

  it('moves the epoch with every change a view reads', async () => {
    const [p] = await t.db.query<{ id: number }>('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) RETURNING id', [dir.id, f.unitA.id])
    const changes: [string, () => Promise<unknown>][] = [
      ['unit renamed', () => t.db.query(`UPDATE unit SET name = name || ' mới' WHERE id = $1`, [f.unitB.id])],
      ['requirement edited', () => t.db.query(`UPDATE requirement SET text = text || '.' WHERE id = $1`, [dir.requirementIds[0]])],
      ['plan submitted', () => t.db.query(`UPDATE unit_plan SET status = 'submitted' WHERE id = $1`, [p.id])],
      ['action added', () => t.db.query(
        `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date) VALUES ($1,$2,$3,$4,'Việc','2026-04-01','2026-04-01')`,
        [p.id, dir.id, f.unitA.id, dir.requirementIds[0]])],
      ['person left', () => t.db.query('UPDATE person SET is_active = false WHERE id = $1', [f.personA.id])],
      ['report period opened', () => t.db.query(
        `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, deadline, created_by) VALUES ($1, $1, 'Quý I', 'quarter', '2026-04-10', $2)`,
        [f.root.id, null])],
    ]
    for (const [what, change] of changes) {
      const before = await epoch()
      await change()
      expect(await epoch(), what).toBeGreaterThan(before)
    }
  })

  it('keeps at most its byte budget, evicting the least recently used view', async () => {
    const cache = matrixCache(4_000)
    let computed = 0
    const view = async (n: number) => {
      const { key, epoch } = await cache.stamp(t.db, { n })
      return cache.bytes(key, epoch, async () => {
        computed++
        return { n, pad: 'x'.repeat(900) }
      })
    }
    for (const n of [1, 2, 3, 4]) await view(n) // four fit (each is under a quarter of the budget)
    expect(computed).toBe(4)
    await view(1) // used again: now the most recent
    expect(computed).toBe(4)
    await view(5) // over budget: 2 goes, the least recently used
    expect(cache.size.bytes).toBeLessThanOrEqual(4_000)
    const before = computed
    await view(1)
    expect(computed).toBe(before)
    await view(2)
    expect(computed).toBe(before + 1)
  })
})
