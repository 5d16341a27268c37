// Guard rails that fail a build, not a review: (a) no column anywhere may hold a sensitive attribute
// as structured data; (b) nothing written into a confidential case is readable in the raw tables,
// the audit log, notifications, or a backup of the database.
import { execFileSync } from 'node:child_process'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedPerson, seedUnit } from '../../db/seed/builders.ts'
import { withDatabase } from '../../../test/global-setup.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type TestApp } from '../../../test/app.ts'

// Sensitive personal data (Decree 13/2023, Law 91/2025) and what DOMAIN.md forbids as structured
// fields: political views, religion, ethnicity, health, sex life, genetics, criminal records,
// relatives' history — in English and in unaccented Vietnamese as column names would spell them.
const SENSITIVE = [
  /religio/, /ton_?giao/, /faith/, /ethnic/, /dan_?toc/, /\brace\b|racial/, /political_?(view|opinion|belief|stance|attitude)/, /ideolog/, /quan_?diem/, /tu_?tuong/,
  /loyal/, /trung_?thanh/, /health/, /suc_?khoe/, /medical/, /disease/, /benh_?(an|ly|tat)/, /sexual/, /gioi_?tinh/, /genetic/, /biometric/, /di_?truyen/,
  /criminal/, /tien_?an/, /tien_?su/, /relative/, /than_?nhan/, /family_?(history|background)/, /gia_?dinh/, /lich_?su_?(gia_?dinh|chinh_?tri|ban_?than)/,
  /risk_?score/, /trust_?score/,
]

/** The columns whose names say they would hold a sensitive attribute. */
export function sensitiveColumns(columns: { table: string; column: string }[]) {
  return columns.filter((c) => SENSITIVE.some((re) => re.test(c.column.toLowerCase())))
}

let t: TestApp
let f: Fixture
const MARK = 'ZQXMARK7319'

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
})
afterAll(() => t.close())

describe('the schema', () => {
  it('has no column for a sensitive attribute, in any table', async () => {
    const columns = await t.db.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
    )
    expect(columns.length).toBeGreaterThan(100)
    expect(sensitiveColumns(columns)).toEqual([])
  })

  it('would be caught adding one, in English or in Vietnamese', () => {
    const added = [
      { table: 'person', column: 'religion' }, { table: 'person', column: 'ton_giao' }, { table: 'person', column: 'dan_toc' }, { table: 'person', column: 'ethnicity' },
      { table: 'person', column: 'political_opinion' }, { table: 'person', column: 'health_status' }, { table: 'person', column: 'relatives_history' },
      { table: 'person', column: 'lich_su_gia_dinh' }, { table: 'person', column: 'loyalty_risk_score' },
    ]
    expect(sensitiveColumns(added)).toEqual(added)
    // Ordinary names pass: hospitals (bệnh viện), units, positions.
    expect(sensitiveColumns([{ table: 'unit', column: 'kind' }, { table: 'person', column: 'position' }, { table: 'x', column: 'benh_vien_id' }])).toEqual([])
  })
})

describe('confidential content at rest', () => {
  it('is nowhere in clear: not in any table, the audit log, notifications, nor a backup', async () => {
    const board = await seedUnit(t.db, { parent: f.root, kind: 'board', code: 'BANG' })
    // The register of people is not case content: the case names its subject in its own sealed field.
    const subject = await seedPerson(t.db, { unitId: f.unitA.id, fullName: 'Nguyễn Văn Đối Tượng' })
    await seedAccount(t.db, { username: 'subject.mark', password: PASSWORD, personId: subject.id, roles: [{ role: 'staff', unitId: f.unitA.id }] })
    expect(board.id).toBeGreaterThan(0)
    const owner = await t.login('board')
    const opened = await t.call(owner, 'POST', '/api/v1/cases', { kind: 'violation', subjectPersonId: subject.id, subjectName: `${MARK}-ten`, purpose: 'report', note: `${MARK}-notes` })
    const id = opened.json().id
    const step = (body: object) => t.call(owner, 'POST', `/api/v1/cases/${id}/steps`, body)
    await step({ step: 'subjectNotified', doneOn: '2026-03-20', dueDate: '2026-03-30', note: `${MARK}-notice` })
    const notice = (await t.call(owner, 'GET', `/api/v1/cases/${id}`)).json().notices[0]
    await t.call(await t.login('subject.mark'), 'POST', `/api/v1/case-notices/${notice.id}/submissions`, { kind: 'explanation', body: `${MARK}-explanation` })
    await step({ step: 'explanationReceived', doneOn: '2026-03-20', note: `${MARK}-step` })
    const req = await t.call(owner, 'POST', `/api/v1/cases/${id}/requests`, { agency: `${MARK}-agency`, asked: `${MARK}-asked`, sentOn: '2026-03-20', dueDate: '2026-03-30' })
    await t.call(owner, 'POST', `/api/v1/case-requests/${req.json().requests[0].id}/reply`, { version: 1, repliedOn: '2026-03-20', reply: `${MARK}-reply` })
    await t.call(owner, 'PATCH', `/api/v1/cases/${id}`, { version: (await t.call(owner, 'GET', `/api/v1/cases/${id}`)).json().version, note: `${MARK}-notes-2` })
    const fd = new FormData()
    fd.append('file', new Blob([Buffer.from(`${MARK}-file-content`)], { type: 'text/plain' }), `${MARK}-file-name.txt`)
    const r = new Response(fd)
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/files`, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': r.headers.get('content-type')! }, payload: Buffer.from(await r.arrayBuffer()) })
    expect(up.statusCode).toBe(201)
    await t.call(await t.login('committee'), 'POST', `/api/v1/cases/${id}/break-glass`, { reason: `${MARK}-reason for opening this case now` })
    // Every part came back opened for the list: the marker went in, through every door.
    const read = JSON.stringify((await t.call(owner, 'GET', `/api/v1/cases/${id}`)).json())
    for (const part of ['ten', 'notes-2', 'notice', 'explanation', 'step', 'agency', 'asked', 'reply', 'file-name']) expect(read).toContain(`${MARK}-${part}`)
    // A TOTP secret is sealed too: set one up and look for it.
    const totp = (await t.call(owner, 'POST', '/api/v1/auth/totp/setup')).json().secret as string

    // A control, so the search is known to work: the same marker in an ordinary column is found.
    await t.db.query(`UPDATE unit SET name = $2 WHERE id = $1`, [f.subA.id, `${MARK}-control`])

    const tables = (await t.db.query<{ table: string }>(`SELECT table_name AS table FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).map((x) => x.table)
    const found: string[] = []
    for (const table of tables) {
      // Every row as text; bytea columns (hex in a row's text) again in their escape form, which
      // shows any run of plain text inside them.
      const rows = await t.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`)
      const bytea = (await t.db.query<{ column: string }>(
        `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'bytea'`, [table],
      )).map((c) => c.column)
      const escaped = bytea.length ? await t.db.query<{ row: string }>(`SELECT concat_ws(' ', ${bytea.map((c) => `encode("${c}", 'escape')`).join(', ')}) AS row FROM "${table}"`) : []
      const text = rows.map((x) => x.row).join('\n') + escaped.map((x) => x.row ?? '').join('')
      for (const m of text.match(new RegExp(`${MARK}-[a-z0-9-]+`, 'g')) ?? []) found.push(`${table}: ${m}`)
      if (text.includes(totp)) found.push(`${table}: the TOTP secret`)
    }
    expect(found).toEqual(['unit: ZQXMARK7319-control'])

    // A backup holds what the database holds: ciphertext, and the control in clear.
    const backup = await backupBytes()
    expect(backup.includes(Buffer.from(`${MARK}-control`))).toBe(true)
    for (const part of ['ten', 'notes', 'notice', 'explanation', 'step', 'agency', 'asked', 'reply', 'file-name', 'file-content', 'reason']) {
      expect(backup.includes(Buffer.from(`${MARK}-${part}`)), part).toBe(false)
    }
    expect(backup.includes(Buffer.from(totp))).toBe(false)
  })
})

/** PGlite: its data folder as a backup writes it; PostgreSQL: pg_dump of the test database. */
async function backupBytes(): Promise<Buffer> {
  if (t.db.kind === 'pglite') return gunzipSync(Buffer.from(await t.db.dumpDataDir!()))
  const [{ name }] = await t.db.query<{ name: string }>('SELECT current_database() AS name')
  // bytea written in its escape form, so a run of plain text inside a bytea column would show.
  return execFileSync('pg_dump', ['--data-only', withDatabase(process.env.TEST_DATABASE_URL!, name)], {
    maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PGOPTIONS: '-c bytea_output=escape' },
  })
}
