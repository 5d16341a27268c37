// The channels register over HTTP: a unit registers its own official channels; personal accounts
// and secrets are refused by field; scoping, idempotent create, optimistic concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedChannel, seedPerson } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let officer: Session
let board: Session
let subPerson: { id: number; fullName: string }
let leftPerson: { id: number; fullName: string }

const countChannels = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel'))[0].n
const page = (o: Record<string, unknown> = {}) => ({
  unitId: f.unitA.id, kind: 'facebook_page', name: 'Bệnh viện Alpha', address: 'https://www.facebook.com/benhvienalpha/', purpose: 'Thông tin chính thức, hướng dẫn người bệnh',
  responsiblePersonId: f.personA.id, admins: [{ personId: f.personA.id, hasTwoFactor: true }, { personId: subPerson.id, hasTwoFactor: true }],
  recoveryContacts: [{ kind: 'email', value: 'cntt@benhvienalpha.vn', note: 'Hộp thư của phòng CNTT' }, { kind: 'phone', value: '024 3869 3731' }],
  ...o,
})

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  subPerson = await seedPerson(t.db, { unitId: f.subA.id, fullName: 'Hoàng Thị Khoa' })
  leftPerson = await seedPerson(t.db, { unitId: f.unitA.id, fullName: 'Vũ Văn Nghỉ', isActive: false })
  officer = await t.login('unitOfficer.a')
  board = await t.login('board')
})
afterAll(() => t.close())

describe('registering a channel', () => {
  it("registers the unit's Facebook page with its administrators and recovery contacts, audited", async () => {
    const res = await t.call(officer, 'POST', '/api/v1/channels', page())
    expect(res.statusCode, res.body).toBe(201)
    const c = res.json()
    expect(c).toMatchObject({
      unitId: f.unitA.id, kind: 'facebook_page', name: 'Bệnh viện Alpha', twoFactor: true, adminCount: 2, status: 'active', reviewCycleMonths: 6, ownReviewCycleMonths: null,
      registeredOn: '2026-03-20', lastReviewedOn: null, nextReviewDue: '2026-04-19', reviewStatus: 'current', responsibleName: f.personA.fullName, reviews: [], version: 1,
    })
    expect(c.admins.map((a: { fullName: string }) => a.fullName).sort()).toEqual([subPerson.fullName, f.personA.fullName].sort())
    expect(c.recoveryContacts).toEqual([{ kind: 'email', value: 'cntt@benhvienalpha.vn', note: 'Hộp thư của phòng CNTT' }, { kind: 'phone', value: '024 3869 3731', note: '' }])
    const [audit] = await t.db.query<{ action: string; after: { admins: unknown[] } }>(`SELECT action, after FROM audit_log WHERE entity = 'channel' AND entity_id = $1`, [String(c.id)])
    expect(audit.action).toBe('register')
    expect(audit.after.admins).toHaveLength(2)
  })

  it('answers the public list with exactly the contract fields', async () => {
    const items = (await t.call(officer, 'GET', '/api/v1/channels')).json().items
    expect(items).toHaveLength(1)
    expect(Object.keys(items[0]).sort()).toEqual(['address', 'id', 'kind', 'reviewStatus', 'twoFactor', 'unitId'])
    expect(items[0]).toMatchObject({ unitId: f.unitA.id, kind: 'facebook_page', address: 'https://www.facebook.com/benhvienalpha/', twoFactor: true, reviewStatus: 'current' })
  })

  it('refuses the same channel twice, however its address is written', async () => {
    const res = await t.call(officer, 'POST', '/api/v1/channels', page({ address: 'http://m.facebook.com/BenhVienAlpha' }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ address: 'Giá trị đã được sử dụng' })
  })

  it('honours Idempotency-Key: a retry gets the first answer and registers nothing more', async () => {
    const body = page({ kind: 'youtube', address: '@benhvienalpha', name: 'Kênh YouTube Bệnh viện Alpha' })
    const first = await t.call(officer, 'POST', '/api/v1/channels', body, { 'idempotency-key': 'yt-1' })
    const before = await countChannels()
    const again = await t.call(officer, 'POST', '/api/v1/channels', body, { 'idempotency-key': 'yt-1' })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect(await countChannels()).toBe(before)
  })
})

describe('what BVCT will not keep', () => {
  it('refuses a personal account as a channel: a Zalo account found by phone number, a public mailbox domain', async () => {
    const before = await countChannels()
    const zalo = await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'zalo_oa', address: 'https://zalo.me/0912345678' }))
    expect(zalo.statusCode).toBe(400)
    expect(zalo.json().error.fields).toEqual({ address: 'Đây là tài khoản cá nhân, không phải kênh chính thức do đơn vị quản lý' })
    const gmail = await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'email_domain', address: 'gmail.com' }), { 'accept-language': 'en' })
    expect(gmail.json().error.fields).toEqual({ address: 'This is a personal account, not an official channel the unit controls' })
    const mailbox = await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'other', address: 'nguyenvanan@yahoo.com' }))
    expect(mailbox.json().error.fields).toHaveProperty('address')
    // A Zalo Official Account (its own id) and the unit's own domain are fine.
    expect((await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'zalo_oa', address: 'https://zalo.me/2345678901234567', name: 'Zalo OA Bệnh viện Alpha' }))).statusCode).toBe(201)
    expect((await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'email_domain', address: 'benhvienalpha.vn', name: 'Thư công vụ' }))).statusCode).toBe(201)
    expect(await countChannels()).toBe(before + 2)
  })

  it("refuses a person's own mailbox as a recovery contact", async () => {
    const res = await t.call(officer, 'POST', '/api/v1/channels', page({ address: 'https://benhvienalpha.vn', kind: 'website', recoveryContacts: [{ kind: 'email', value: 'an.nguyen@gmail.com' }] }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ 'recoveryContacts.0.value': expect.stringContaining('do đơn vị quản lý') })
  })

  it('refuses fields and text that look like passwords or codes, by name, in Vietnamese and English', async () => {
    const before = await countChannels()
    const site = { kind: 'website', address: 'https://benhvienalpha.vn', name: 'Cổng thông tin Bệnh viện Alpha' }
    const key = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, password: 'Abc@123456' }))
    expect(key.statusCode).toBe(400)
    expect(key.json().error.fields).toEqual({ password: 'BVCT không lưu mật khẩu, mã xác thực hay khóa bí mật; hãy bỏ thông tin này' })
    const nested = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, admins: [{ personId: f.personA.id, hasTwoFactor: true, matKhau: 'x', otpSecret: 'JBSWY3DP' }] }), { 'accept-language': 'en' })
    expect(nested.json().error.fields).toEqual({ 'admins.0.matKhau': 'BVCT keeps no passwords, codes or secret keys; leave this out', 'admins.0.otpSecret': 'BVCT keeps no passwords, codes or secret keys; leave this out' })
    const text = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, purpose: 'Trang tin. Tài khoản quản trị: admin, mật khẩu: Alpha@2026' }))
    expect(text.json().error.fields).toEqual({ purpose: expect.stringContaining('không lưu mật khẩu') })
    const note = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, recoveryContacts: [{ kind: 'phone', value: '0243869373', note: 'OTP: 449201' }] }))
    expect(note.json().error.fields).toEqual({ 'recoveryContacts.0.note': expect.stringContaining('không lưu mật khẩu') })
    // Any other unknown field is refused as unknown.
    const other = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, followers: 12000 }))
    expect(other.json().error.fields).toEqual({ followers: 'Trường không được phép' })
    expect(await countChannels()).toBe(before)
  })
})

describe('bad input', () => {
  it('is a 400 naming each field, and registers nothing', async () => {
    const before = await countChannels()
    const res = await t.call(officer, 'POST', '/api/v1/channels', { unitId: f.unitA.id, kind: 'blog', address: 'x', responsiblePersonId: f.personA.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ kind: expect.stringContaining('website'), name: 'Bắt buộc nhập', address: 'Quá ngắn (tối thiểu 3)' })
    const en = await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'website', address: 'không phải địa chỉ' }), { 'accept-language': 'en' })
    expect(en.json().error).toMatchObject({ code: 'VALIDATION', message: 'Invalid input', fields: { address: 'Invalid format' } })
    expect((await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'tiktok', address: 'https://www.youtube.com/@alpha' }))).json().error.fields).toEqual({ address: 'Sai định dạng' })
    expect(await countChannels()).toBe(before)
  })

  it('names people who are not of the unit, or no longer active, and a unit out of reach', async () => {
    const site = { kind: 'website', address: 'https://tuyendung.benhvienalpha.vn' }
    const people = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, responsiblePersonId: f.personB.id, admins: [{ personId: leftPerson.id, hasTwoFactor: true }, { personId: leftPerson.id, hasTwoFactor: false }] }))
    expect(people.json().error.fields).toEqual({ responsiblePersonId: expect.any(String), 'admins.0.personId': 'Người này không còn công tác tại đơn vị', 'admins.1.personId': 'Giá trị đã được sử dụng' })
    const out = await t.call(officer, 'POST', '/api/v1/channels', page({ ...site, unitId: f.unitB.id, responsiblePersonId: f.personB.id, admins: [] }))
    expect(out.statusCode).toBe(400)
    expect(out.json().error.fields).toEqual({ unitId: 'Không tồn tại hoặc ngoài phạm vi của bạn' })
  })
})

describe('editing', () => {
  let id = 0
  beforeAll(async () => {
    id = (await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: f.personA.id, address: 'https://dangbo.benhvienalpha.vn', admins: [{ personId: f.personA.id, hasTwoFactor: true }] })).id
  })

  it('changes what is sent, replaces the administrators, and refuses a stale version with 409 and the current record', async () => {
    const first = await t.call(officer, 'PATCH', `/api/v1/channels/${id}`, { version: 1, admins: [{ personId: f.personA.id, hasTwoFactor: true }, { personId: subPerson.id, hasTwoFactor: false }], reviewCycleMonths: 3 })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ version: 2, adminCount: 2, twoFactor: false, reviewCycleMonths: 3, ownReviewCycleMonths: 3 })
    const stale = await t.call(officer, 'PATCH', `/api/v1/channels/${id}`, { version: 1, name: 'Tên khác' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', current: { version: 2, twoFactor: false } })
    expect((await t.call(officer, 'GET', `/api/v1/channels/${id}`)).json().name).not.toBe('Tên khác')
  })

  it('keeps an administrator who has left while they stay listed, but refuses adding one', async () => {
    await t.db.query('INSERT INTO channel_admin (channel_id, person_id, has_two_factor) VALUES ($1, $2, true)', [id, leftPerson.id])
    await t.db.query('UPDATE channel SET version = version + 1 WHERE id = $1', [id])
    const kept = await t.call(officer, 'PATCH', `/api/v1/channels/${id}`, { version: 3, admins: [{ personId: leftPerson.id, hasTwoFactor: true }] })
    expect(kept.statusCode, kept.body).toBe(200)
    expect(kept.json().admins).toEqual([expect.objectContaining({ personId: leftPerson.id, isActive: false })])
    const other = await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: f.personA.id })
    const added = await t.call(officer, 'PATCH', `/api/v1/channels/${other.id}`, { version: 1, admins: [{ personId: leftPerson.id, hasTwoFactor: true }] })
    expect(added.json().error.fields).toEqual({ 'admins.0.personId': 'Người này không còn công tác tại đơn vị' })
  })

  it('retires a channel: out of the active list, its address free for a new registration', async () => {
    const c = (await t.call(officer, 'GET', `/api/v1/channels/${id}`)).json()
    const retired = await t.call(officer, 'POST', `/api/v1/channels/${id}/retire`, { version: c.version, reason: 'Chuyển sang cổng thông tin mới' })
    expect(retired.json()).toMatchObject({ status: 'retired', reviewStatus: 'retired', nextReviewDue: null, retiredOn: '2026-03-20' })
    expect((await t.call(officer, 'GET', '/api/v1/channels')).json().items.map((x: { id: number }) => x.id)).not.toContain(id)
    expect((await t.call(officer, 'GET', '/api/v1/channels?status=retired')).json().items.map((x: { id: number }) => x.id)).toEqual([id])
    expect((await t.call(officer, 'PATCH', `/api/v1/channels/${id}`, { version: c.version + 1, name: 'Mới' })).statusCode).toBe(409)
    expect((await t.call(officer, 'POST', '/api/v1/channels', page({ kind: 'website', address: 'https://dangbo.benhvienalpha.vn' }))).statusCode).toBe(201)
  })
})

describe('scope', () => {
  let inB = 0
  beforeAll(async () => {
    inB = (await seedChannel(t.db, { unitId: f.unitB.id, responsiblePersonId: f.personB.id, address: 'https://benhvienbeta.vn', admins: [{ personId: f.personB.id, hasTwoFactor: false }] })).id
  })

  it("shows a unit its own subtree's channels only; another unit's are not found", async () => {
    const mine = (await t.call(officer, 'GET', '/api/v1/channels')).json().items
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((c: { unitId: number }) => c.unitId === f.unitA.id || c.unitId === f.subA.id)).toBe(true)
    expect((await t.call(officer, 'GET', `/api/v1/channels/${inB}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/channels?under=${f.unitB.id}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'PATCH', `/api/v1/channels/${inB}`, { version: 1, name: 'Tên mới' })).statusCode).toBe(404)
  })

  it('shows the board every unit, narrowed by `under`, with filters for a missing second factor', async () => {
    const all = (await t.call(board, 'GET', '/api/v1/channels')).json().items
    expect(all.map((c: { id: number }) => c.id)).toContain(inB)
    const underB = (await t.call(board, 'GET', `/api/v1/channels?under=${f.unitB.id}`)).json().items
    expect(underB).toEqual([{ id: inB, unitId: f.unitB.id, kind: 'website', address: 'https://benhvienbeta.vn', twoFactor: false, reviewStatus: 'overdue' }])
    const missing = (await t.call(board, 'GET', '/api/v1/channels?twoFactor=0')).json().items
    expect(missing.length).toBeGreaterThan(0)
    expect(missing.every((c: { twoFactor: boolean }) => !c.twoFactor)).toBe(true)
    const register = (await t.call(board, 'GET', '/api/v1/channels/register?q=beta&limit=10')).json()
    expect(register).toMatchObject({ total: 1, items: [{ id: inB, unitName: 'Bệnh viện Beta', nextReviewDue: '2026-02-04' }] })
  })
})
