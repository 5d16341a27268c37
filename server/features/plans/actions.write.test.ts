// A write answers once: saving an action answers the saved action from its own transaction, without
// reading the whole plan again. Counted in database statements, which is what the bench's "save an
// action" row pays for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import type { Queryable } from '../../db/types.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let officer: Session
let statements: string[] = []

/** Records every statement the app sends, in or out of a transaction. */
function countStatements(db: TestApp['db']) {
  const query = db.query.bind(db)
  const transaction = db.transaction.bind(db)
  db.query = (async (text: string, params?: unknown[]) => (statements.push(text), query(text, params))) as typeof db.query
  db.transaction = ((fn: (tx: Queryable) => Promise<unknown>) =>
    transaction((tx) => fn({ query: (async (text: string, params?: unknown[]) => (statements.push(text), tx.query(text, params))) as Queryable['query'] }))) as typeof db.transaction
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  officer = await t.login('unitOfficer.a')
  countStatements(t.db)
})
afterAll(() => t.close())

describe('saving an action', () => {
  it('answers the saved action, read in its own transaction, in at most 6 statements (was 10)', async () => {
    const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], requirements: 2 })
    const created = await t.call(officer, 'POST', `/api/v1/directives/${d.id}/units/${f.unitA.id}/plan/actions`, { requirementId: d.requirementIds[0], title: 'Tổ chức quán triệt', dueDate: '2026-04-30' })
    expect(created.statusCode).toBe(201)
    statements = []
    const saved = await t.call(officer, 'PATCH', `/api/v1/actions/${created.json().id}`, { version: created.json().version, status: 'inProgress', note: 'Đã lên lịch' })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ id: created.json().id, status: 'inProgress', note: 'Đã lên lịch', version: created.json().version + 1, timeliness: 'in_progress_on_time' })
    // Nothing re-reads the plan's requirements or extensions to answer.
    expect(statements.filter((s) => /deadline_extension|FROM requirement/.test(s))).toEqual([])
    // Session, action and plan locked in one, the update answering the saved row, the audit entry (3).
    // Before: 10, the last three re-reading the action, its plan and the whole plan page.
    expect(statements.length).toBeLessThanOrEqual(6)
  })
})
