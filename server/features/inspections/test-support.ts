// What the inspection tests share: a team of inspectors beside the fixture's, multipart uploads,
// and the body of a valid new inspection.
import { seedAccount, seedPerson } from '../../db/seed/builders.ts'
import { PASSWORD, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

export const accountId = async (t: TestApp, username: string) => (await t.db.query<{ id: number }>('SELECT id FROM account WHERE username = $1', [username]))[0].id

/** Three inspectors held on the root (`inspector` and two more) and `inspector.a` on unit A. */
export async function inspectors(t: TestApp, f: Fixture) {
  for (const name of ['inspector.x', 'inspector.y']) {
    const p = await seedPerson(t.db, { unitId: f.root.id, fullName: `Đoàn Viên ${name.slice(-1).toUpperCase()}` })
    await seedAccount(t.db, { username: name, password: PASSWORD, personId: p.id, roles: [{ role: 'inspector', unitId: f.root.id }] })
  }
  return {
    lead: await accountId(t, 'inspector.a'),
    x: await accountId(t, 'inspector.x'),
    y: await accountId(t, 'inspector.y'),
    root: await accountId(t, 'inspector'),
  }
}

/** A team of three led by `lead`. */
export const teamOf = (lead: number, ...members: number[]) => [{ accountId: lead, role: 'lead' as const }, ...members.map((accountId) => ({ accountId, role: 'member' as const }))]

/** Uploads one file as multipart/form-data, the way the browser does. */
export async function upload(t: TestApp, s: Session, url: string, name = 'bien-ban.txt', content = 'Biên bản làm việc', mime = 'text/plain') {
  const fd = new FormData()
  fd.append('file', new Blob([Buffer.from(content)], { type: mime }), name)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')! }, payload: Buffer.from(await r.arrayBuffer()),
  })
}

/** An ad hoc inspection of `unitIds` decided on 16 March 2026, starting on the 18th (the test clock is the 20th). */
export const newInspection = (unitIds: number[], team: { accountId: number; role: 'lead' | 'member' }[], o: Record<string, unknown> = {}) => ({
  title: 'Kiểm tra việc thực hiện Công văn số 1946-CV/BCSĐ', kind: 'inspection', mode: 'thematic', method: 'direct', level: 'central',
  decisionDate: '2026-03-16', startDate: '2026-03-18', periodFrom: '2021-01-01', periodTo: '2025-12-31', unitIds, team, ...o,
})
