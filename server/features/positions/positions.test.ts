// The key-positions register over HTTP: writes with their checks, versions and idempotency; holders
// over time; vetting currency as standards reviews conclude and expire and as holders change; the
// alert to the unit's head and the board raised and cleared; scoping; the readiness roll-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mail } from '../../mail/mailer.ts'
import { seedAccount, seedPerson } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { thresholdsOf } from './readiness.service.ts'
import { runVettingJob } from './vetting.service.ts'

let t: TestApp
let f: Fixture
let officer: Session
let board: Session
let committee: Session
const people: Record<string, { id: number; fullName: string }> = {}
const sent: Mail[] = []
const mailer = { send: async (m: Mail) => void sent.push(m) }

const accountId = async (username: string) => (await t.db.query<{ id: number }>('SELECT id FROM account WHERE username = $1', [username]))[0].id
const today = () => t.clock().toISOString().slice(0, 10)
// One holding per page: every page of the job's reads and alert transactions is exercised.
const job = (day = today()) => runVettingJob({ db: t.db, keys: t.keys, mailer, thresholds: thresholdsOf(t.config) }, day, t.clock(), 1)

/** A standards review of `personId` taken through Regulation 58's steps and approved by the committee, as the cases feature does it. */
async function conclude(personId: number, outcome: 'meets' | 'doesNotMeet' | 'meetsWithConditions', validUntil: string) {
  const doneOn = today()
  const c = (await t.call(board, 'POST', '/api/v1/cases', { kind: 'standards_review', subjectPersonId: personId, purpose: 'keyPosition' })).json()
  const step = (body: object) => t.call(board, 'POST', `/api/v1/cases/${c.id}/steps`, body)
  await step({ step: 'screening', doneOn })
  await step({ step: 'verificationDecision', doneOn, teamAccountIds: [await accountId('inspector'), await accountId('inspector.a'), await accountId('board.a')] })
  await step({ step: 'verification', doneOn })
  const concluded = await step({ step: 'conclusion', doneOn, outcome, validUntil })
  expect(concluded.statusCode, concluded.body).toBe(200)
  await t.call(board, 'POST', `/api/v1/cases/${c.id}/access`, { accountId: await accountId('committee') })
  const approved = await t.call(committee, 'POST', `/api/v1/cases/${c.id}/approve`, { version: concluded.json().version })
  expect(approved.statusCode, approved.body).toBe(200)
  // Approvals are ordered by time: the next one is later.
  t.clock.advance(60_000)
}

/** Moves the clock (sessions expire over months: each account signs in again). */
async function moveTo(instant: string) {
  t.clock.set(new Date(instant))
  ;[officer, board, committee] = [await t.login('unitOfficer.a'), await t.login('board'), await t.login('committee')]
}

const notesOf = async (username: string) => (await t.call(await t.login(username), 'GET', '/api/v1/notifications')).json().items as { kind: string; title: string; body: string; link: string }[]

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  for (const [k, name] of [['ke', 'Phạm Thị Kế Toán'], ['thu', 'Lê Văn Thủ Quỹ'], ['quyen', 'Đỗ Văn Quyền'], ['sub', 'Hoàng Thị Khoa']] as const) {
    people[k] = await seedPerson(t.db, { unitId: k === 'sub' ? f.subA.id : f.unitA.id, fullName: name })
  }
  await t.db.query(`UPDATE person SET email = 'head.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitHead.a')`)
  const boardPerson = await seedPerson(t.db, { unitId: f.root.id, fullName: 'Ngô Văn Ban', })
  await t.db.query(`UPDATE person SET email = 'ban@byt.gov.vn' WHERE id = $1`, [boardPerson.id])
  await seedAccount(t.db, { username: 'board.mail', password: PASSWORD, personId: boardPerson.id, roles: [{ role: 'board', unitId: f.root.id }] })
  ;[officer, board, committee] = [await t.login('unitOfficer.a'), await t.login('board'), await t.login('committee')]
})
afterAll(() => t.close())

const ids: Record<string, number> = {}
const position = async (id: number) => (await t.call(officer, 'GET', `/api/v1/positions/${id}`)).json()

describe('the register', () => {
  it('adds a position to a unit in scope, once per Idempotency-Key', async () => {
    const body = { unitId: f.unitA.id, title: 'Kế toán trưởng', department: 'Phòng Tài chính - Kế toán', classification: 'finance', reviewCycleMonths: 24 }
    const first = await t.call(officer, 'POST', '/api/v1/positions', body, { 'idempotency-key': 'pos-1' })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ unitId: f.unitA.id, title: 'Kế toán trưởng', requiresConclusion: true, holder: null, vetting: 'none', version: 1 })
    const again = await t.call(officer, 'POST', '/api/v1/positions', body, { 'idempotency-key': 'pos-1' })
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect((await t.db.query('SELECT 1 FROM key_position WHERE unit_id = $1', [f.unitA.id])).length).toBe(1)
    ids.chief = first.json().id
  })

  it('answers 400 naming each bad field, in Vietnamese or English, and changes nothing', async () => {
    const bad = await t.call(officer, 'POST', '/api/v1/positions', { unitId: f.unitA.id, title: '', classification: 'secret', reviewCycleMonths: 0 })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['classification', 'reviewCycleMonths', 'title'])
    expect(bad.json().error.message).toBe('Dữ liệu không hợp lệ')
    const en = await t.call(officer, 'POST', '/api/v1/positions', { unitId: f.unitA.id, title: 'Kế toán trưởng', department: 'Phòng Tài chính - Kế toán', classification: 'finance' }, { 'accept-language': 'en' })
    expect(en.json().error).toEqual({ code: 'VALIDATION', message: 'Invalid input', fields: { title: 'Already in use' } })
    const outside = await t.call(officer, 'POST', '/api/v1/positions', { unitId: f.unitB.id, title: 'Thủ quỹ', classification: 'finance' })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.fields).toHaveProperty('unitId')
    expect((await t.db.query('SELECT 1 FROM key_position')).length).toBe(1)
  })

  it('refuses an edit made on an old version with 409 and the current record, overwriting nothing', async () => {
    const ok = await t.call(officer, 'PATCH', `/api/v1/positions/${ids.chief}`, { version: 1, classification: 'stateSecretSecret' })
    expect(ok.json()).toMatchObject({ classification: 'stateSecretSecret', version: 2 })
    const stale = await t.call(officer, 'PATCH', `/api/v1/positions/${ids.chief}`, { version: 1, classification: 'other' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', current: { classification: 'stateSecretSecret', version: 2 } })
    expect((await position(ids.chief)).classification).toBe('stateSecretSecret')
  })

  it('is scoped: a unit A officer neither sees nor changes unit B’s register', async () => {
    const b = await t.call(board, 'POST', '/api/v1/positions', { unitId: f.unitB.id, title: 'Quản trị mạng', classification: 'itAdministration' })
    expect(b.statusCode).toBe(201)
    ids.b = b.json().id
    expect((await t.call(officer, 'GET', `/api/v1/positions/${ids.b}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'PATCH', `/api/v1/positions/${ids.b}`, { version: 1, note: 'x' })).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/positions?under=${f.unitB.id}`)).statusCode).toBe(404)
    const mine = (await t.call(officer, 'GET', '/api/v1/positions')).json()
    expect(mine.items.map((p: { id: number }) => p.id)).toEqual([ids.chief])
    expect((await t.call(board, 'GET', '/api/v1/positions')).json().total).toBe(2)
    expect((await t.call(await t.login('staff.a'), 'GET', '/api/v1/positions')).statusCode).toBe(403)
  })
})

describe('a holder’s vetting currency', () => {
  it('is "none" for a new holder without a conclusion, and raises an alert to the unit’s head and the board, in-app and by e-mail', async () => {
    const res = await t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/holder`, { version: 2, personId: people.ke.id, from: '2026-03-01' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ holder: { personId: people.ke.id, name: people.ke.fullName, since: '2026-03-01', isActing: false }, vetting: 'none', version: 3 })
    const detail = await position(ids.chief)
    expect(detail.alert).toMatchObject({ status: 'none', holder: { personId: people.ke.id }, clearedAt: null })
    for (const u of ['unitHead.a', 'board', 'board.a']) {
      expect((await notesOf(u)).find((n) => n.kind === 'position.alert')).toMatchObject({ link: `/positions/${ids.chief}` })
    }
    // Unit B's head and unit A's officer are not told.
    expect((await notesOf('unitOfficer.a')).some((n) => n.kind === 'position.alert')).toBe(false)
    const [note] = (await notesOf('unitHead.a')).filter((n) => n.kind === 'position.alert')
    expect(note.title + note.body).not.toContain(people.ke.fullName)
    const alerts = (await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/position-alerts')).json().items
    expect(alerts).toEqual([expect.objectContaining({ positionId: ids.chief, status: 'none' })])
  })

  it('becomes "current" once a review concludes and is approved: the job reads it through the narrow call and clears the alert', async () => {
    await conclude(people.ke.id, 'meets', '2027-12-31')
    expect((await position(ids.chief)).vetting).toBe('none')
    sent.length = 0
    expect(await job()).toMatchObject({ changed: 1, cleared: 1, raised: 0 })
    const p = await position(ids.chief)
    expect(p).toMatchObject({ vetting: 'current', validUntil: '2027-12-31', alert: null })
    expect((await t.call(board, 'GET', '/api/v1/position-alerts?open=0')).json().items[0]).toMatchObject({ clearedReason: 'concluded' })
    expect((await notesOf('unitHead.a')).some((n) => n.kind === 'position.alertCleared')).toBe(true)
    expect(sent).toEqual([])
  })

  it('reads "expiring" within the configured days of the end, tells the head once, then "expired" raises the alert again', async () => {
    // 90 days before 31/12/2027 is 02/10/2027.
    expect((await job('2027-10-01')).raised).toBe(0)
    await moveTo('2027-10-01T03:00:00Z')
    expect((await position(ids.chief)).vetting).toBe('current')
    await moveTo('2027-10-02T03:00:00Z')
    expect((await position(ids.chief)).vetting).toBe('expiring')
    await job('2027-10-02')
    await job('2027-10-03')
    expect((await notesOf('unitHead.a')).filter((n) => n.kind === 'position.expiring')).toHaveLength(1)
    await moveTo('2028-01-01T03:00:00Z')
    sent.length = 0
    expect(await job('2028-01-01')).toMatchObject({ raised: 1, emails: 2 })
    expect(sent.map((m) => m.to).sort()).toEqual(['ban@byt.gov.vn', 'head.a@benhvien.vn'])
    expect(sent[0].text).not.toContain(people.ke.fullName)
    expect(await position(ids.chief)).toMatchObject({ vetting: 'expired', validUntil: '2027-12-31', alert: { status: 'expired' } })
    // A second run raises nothing new.
    expect((await job('2028-01-01')).raised).toBe(0)
  })

  it('reads "not_met" when the latest conclusion is that they do not meet the standards', async () => {
    await conclude(people.ke.id, 'doesNotMeet', '2030-01-01')
    await job()
    expect(await position(ids.chief)).toMatchObject({ vetting: 'not_met', validUntil: null, alert: { status: 'not_met' } })
  })

  it('follows the holder: a new holder is read at once, the one who left has their alert cleared', async () => {
    await conclude(people.thu.id, 'meetsWithConditions', '2030-06-30')
    const before = await position(ids.chief)
    const res = await t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/holder`, { version: before.version, personId: people.thu.id, from: today(), isActing: true })
    expect(res.json()).toMatchObject({ holder: { personId: people.thu.id, isActing: true }, vetting: 'current' })
    const p = await position(ids.chief)
    expect(p.alert).toBeNull()
    expect(p.holders.map((h: { personId: number; to: string | null }) => [h.personId, h.to])).toEqual([[people.thu.id, null], [people.ke.id, '2027-12-31']])
    expect((await t.call(board, 'GET', '/api/v1/position-alerts?open=0')).json().items[0]).toMatchObject({ holder: { personId: people.ke.id }, clearedReason: 'left' })
  })

  it('checks a new holder: a person of the unit, active, not the current one, from a later day', async () => {
    await moveTo('2028-01-02T03:00:00Z')
    const p = await position(ids.chief)
    const call = (body: object) => t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/holder`, { version: p.version, ...body })
    expect((await call({ personId: f.personB.id, from: today() })).json().error.fields).toEqual({ personId: expect.any(String) })
    expect((await call({ personId: people.thu.id, from: today() })).json().error.fields.personId).toBe('Người này đang giữ vị trí')
    expect((await call({ personId: people.quyen.id, from: '2027-01-01' })).json().error.fields).toHaveProperty('from')
    expect((await call({ personId: people.quyen.id, from: '2099-01-01' })).json().error.fields).toHaveProperty('from')
    // A person of a sub-unit may hold a position of the unit.
    expect((await call({ personId: people.sub.id, from: today() })).statusCode).toBe(200)
  })

  it('is "not_required" when the position needs no conclusion, and the alert clears', async () => {
    const p = await position(ids.chief)
    expect(p.alert).toMatchObject({ status: 'none' })
    const res = await t.call(officer, 'PATCH', `/api/v1/positions/${ids.chief}`, { version: p.version, requiresConclusion: false })
    expect(res.json()).toMatchObject({ vetting: 'not_required' })
    expect((await position(ids.chief)).alert).toBeNull()
    expect((await t.call(board, 'GET', '/api/v1/position-alerts?open=0')).json().items[0]).toMatchObject({ clearedReason: 'notRequired' })
    const back = await t.call(officer, 'PATCH', `/api/v1/positions/${ids.chief}`, { version: p.version + 1, requiresConclusion: true })
    expect(back.json()).toMatchObject({ vetting: 'none' })
    expect((await position(ids.chief)).alert).toMatchObject({ status: 'none' })
  })

  it('leaves a vacancy when the holder leaves: no holder, the alert cleared', async () => {
    const p = await position(ids.chief)
    const early = await t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/vacate`, { version: p.version, on: '2020-01-01' })
    expect(early.json().error.fields).toHaveProperty('on')
    const res = await t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/vacate`, { version: p.version, on: today() })
    expect(res.json()).toMatchObject({ holder: null, vetting: 'none' })
    expect((await position(ids.chief)).alert).toBeNull()
    expect((await t.call(officer, 'GET', `/api/v1/positions?unitId=${f.unitA.id}&vetting=none`)).json().items.map((x: { id: number }) => x.id)).toEqual([ids.chief])
    expect((await t.call(officer, 'POST', `/api/v1/positions/${ids.chief}/vacate`, { version: p.version + 1, on: today() })).statusCode).toBe(409)
  })
})

describe('the readiness roll-up', () => {
  it('counts the subtree’s positions and holders by vetting status, with a row per child unit', async () => {
    const sub = await t.call(officer, 'POST', '/api/v1/positions', { unitId: f.subA.id, title: 'Thủ kho thuốc', classification: 'procurement' })
    await conclude(people.sub.id, 'meets', '2030-01-01')
    const held = await t.call(officer, 'POST', `/api/v1/positions/${sub.json().id}/holder`, { version: 1, personId: people.sub.id, from: today() })
    expect(held.json()).toMatchObject({ vetting: 'current' })
    const res = await t.call(board, 'GET', `/api/v1/units/${f.root.id}/readiness`)
    expect(res.statusCode, res.body).toBe(200)
    const r = res.json()
    expect(r).toMatchObject({ unitId: f.root.id, asOf: today(), positions: 3, filled: 1, vetting: { current: 1, none: 0 }, vettedShare: 1 })
    const a = r.children.find((c: { unitId: number }) => c.unitId === f.unitA.id)
    expect(a).toMatchObject({ positions: 2, filled: 1, vetting: { current: 1 } })
    expect(r.children.find((c: { unitId: number }) => c.unitId === f.unitB.id)).toMatchObject({ positions: 1, filled: 0 })
    expect((await t.call(officer, 'GET', `/api/v1/units/${f.unitB.id}/readiness`)).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/units/${f.unitA.id}/readiness?children=0`)).json()).toMatchObject({ positions: 2, children: [] })
  })
})
