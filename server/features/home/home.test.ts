// The home page of work: each role sees what waits for it, in its own scope, with the page that acts on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HomeDto, WorkSectionDto } from '../../../contract/home.ts'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let d: { id: number; requirementIds: number[] }

const work = async (username: string) => {
  const res = await t.call(await t.login(username), 'GET', '/api/v1/me/work')
  expect(res.statusCode).toBe(200)
  return res.json() as HomeDto
}
const sectionOf = (h: HomeDto, key: WorkSectionDto['key']) => h.sections.find((s) => s.key === key)!

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  // Issued by the root to A and B; the test clock's today is 2026-03-20.
  d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], number: '12-CV/BCSD', ackDueDate: '2026-03-25', planDueDate: '2026-04-15' })
  // Unit B acknowledged and submitted its plan; unit A has an overdue action on a returned plan.
  await t.db.query('UPDATE directive_addressee SET acknowledged_at = now() WHERE directive_id = $1 AND unit_id = $2', [d.id, f.unitB.id])
  await t.db.query(`INSERT INTO unit_plan (directive_id, unit_id, status, submitted_at) VALUES ($1, $2, 'submitted', '2026-03-18')`, [d.id, f.unitB.id])
  const [pa] = await t.db.query<{ id: number }>(`INSERT INTO unit_plan (directive_id, unit_id, status) VALUES ($1, $2, 'returned') RETURNING id`, [d.id, f.unitA.id])
  await t.db.query(
    `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, due_date, effective_due_date, status) VALUES ($1,$2,$3,$4,'Rà soát danh mục bí mật','2026-03-10','2026-03-10','inProgress')`,
    [pa.id, d.id, f.unitA.id, d.requirementIds[0]],
  )
})
afterAll(() => t.close())

describe("a unit's home page", () => {
  it('lists what the unit must do, soonest first, only for its own unit, each with the page that does it', async () => {
    const h = await work('unitOfficer.a')
    expect(h.asOf).toBe('2026-03-20')
    expect(h.sections.map((s) => s.key)).toEqual(['acknowledge', 'plans', 'overdueActions', 'reports', 'extensionsDecided'])
    expect(sectionOf(h, 'acknowledge')).toMatchObject({ total: 1, items: [{ directiveId: d.id, directiveNumber: '12-CV/BCSD', unitId: f.unitA.id, dueDate: '2026-03-25', link: `/directives/${d.id}` }] })
    expect(sectionOf(h, 'plans').items).toMatchObject([{ state: 'returned', link: `/directives/${d.id}/units/${f.unitA.id}/plan` }])
    expect(sectionOf(h, 'overdueActions').items).toMatchObject([{ title: 'Rà soát danh mục bí mật', dueDate: '2026-03-10' }])
    expect(JSON.stringify(h)).not.toContain(`"unitId":${f.unitB.id},`)
  })

  it('drops a directive from the list once the unit has acknowledged it', async () => {
    await t.db.query('UPDATE directive_addressee SET acknowledged_at = now() WHERE directive_id = $1 AND unit_id = $2', [d.id, f.unitA.id])
    expect(sectionOf(await work('unitHead.a'), 'acknowledge')).toEqual({ key: 'acknowledge', total: 0, items: [] })
    await t.db.query('UPDATE directive_addressee SET acknowledged_at = NULL WHERE directive_id = $1 AND unit_id = $2', [d.id, f.unitA.id])
  })
})

describe('unit names', () => {
  it('name a sub-unit with its parent, its own name being ambiguous alone', async () => {
    const sub = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.subA.id], number: '13-CV/BCSD', ackDueDate: '2026-03-26' })
    const items = sectionOf(await work('unitOfficer.a'), 'acknowledge').items
    expect(items.find((i) => i.directiveId === sub.id)?.unitName).toBe(`Khoa Nội — ${f.unitA.name}`)
    expect(items.find((i) => i.directiveId === d.id)?.unitName).toBe(f.unitA.name)
    await t.db.query('DELETE FROM directive_addressee WHERE directive_id = $1', [sub.id])
    await t.db.query(`UPDATE directive SET status = 'closed' WHERE id = $1`, [sub.id])
  })
})

describe("the board's home page", () => {
  it("shows its directives with where the units stand, plans waiting for review and the overdue worklist", async () => {
    const h = await work('board')
    expect(h.sections.map((s) => s.key)).toEqual(['directives', 'plansToReview', 'reportsToReview', 'extensionsToDecide', 'overdue'])
    expect(sectionOf(h, 'directives').items).toMatchObject([
      { directiveId: d.id, link: `/directives/${d.id}/dashboard`, progress: { addressees: 2, acknowledged: 1, plansAccepted: 0, overdueActions: 1, nextDeadline: '2026-03-25' } },
    ])
    expect(sectionOf(h, 'plansToReview').items).toMatchObject([{ unitId: f.unitB.id, state: 'submitted', link: `/directives/${d.id}/units/${f.unitB.id}/plan` }])
    expect(sectionOf(h, 'overdue')).toMatchObject({ total: 1, items: [{ state: 'action', unitId: f.unitA.id }] })
  })

  it("does not show a board scoped to unit A the root's directives", async () => {
    const h = await work('board.a')
    expect(sectionOf(h, 'directives').total).toBe(0)
    expect(sectionOf(h, 'plansToReview').total).toBe(0)
  })
})

describe('roles with nothing to follow', () => {
  it.each(['staff.a', 'admin'])('%s gets no sections (the app shows their own page instead)', async (u) => {
    expect((await work(u)).sections).toEqual([])
  })
})
