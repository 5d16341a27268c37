// Sign-in and account hardening: password rules, the forced change of an administrator-set
// password, one answer for concurrent retries with one Idempotency-Key, and whose address to believe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passwordProblem } from '../../../contract/passwords.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
})
afterAll(() => t.close())

describe('passwords', () => {
  it('need 12 characters with letters and digits, and are not common, the username, or the current one', () => {
    expect(passwordProblem('Short-pass-1')).toBeNull()
    expect(passwordProblem('Short-pas-1')).toBe('weakPassword')
    expect(passwordProblem('no-digits-at-all')).toBe('weakPassword')
    expect(passwordProblem('Password1234!')).toBe('commonPassword')
    expect(passwordProblem('matkhau@2026!')).toBe('commonPassword')
    expect(passwordProblem('123456789012a')).toBe('commonPassword')
    expect(passwordProblem('aaaaaaaaaaa1')).toBe('commonPassword')
    expect(passwordProblem('nguyenvan.an-2026', { username: 'nguyenvan.an' })).toBe('passwordIsUsername')
    expect(passwordProblem('Same-password-9', { current: 'Same-password-9' })).toBe('passwordUnchanged')
  })

  it('are checked by the server when an account is created, a password reset or changed', async () => {
    const common = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'pw.user', password: 'iloveyou12345', roles: [{ role: 'staff', unitId: f.unitA.id }] })
    expect(common.json().error.fields).toEqual({ password: 'Mật khẩu quá phổ biến, dễ đoán' })
    const named = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'pw.user', password: 'pw.user-2026-x', roles: [{ role: 'staff', unitId: f.unitA.id }] })
    expect(named.json().error.fields).toEqual({ password: 'Mật khẩu không được chứa tên đăng nhập' })
    expect((await t.call(admin, 'POST', '/api/v1/accounts', { username: 'pw.user', password: 'Set-by-admin-77', roles: [{ role: 'staff', unitId: f.unitA.id }] })).statusCode).toBe(201)
  })
})

describe('a password set by an administrator', () => {
  it('must be changed before the API answers anything but the sign-in routes', async () => {
    const s = await t.login('pw.user', 'Set-by-admin-77')
    expect((await t.call(s, 'GET', '/api/v1/me')).json().mustChangePassword).toBe(true)
    const blocked = await t.call(s, 'GET', '/api/v1/units')
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    const same = await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Set-by-admin-77', newPassword: 'Set-by-admin-77' })
    expect(same.json().error.fields).toEqual({ newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại' })
    expect((await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Set-by-admin-77', newPassword: 'My-own-choice-88' })).statusCode).toBe(200)
    expect((await t.call(s, 'GET', '/api/v1/units')).statusCode).toBe(200)
  })
})

describe('an Idempotency-Key', () => {
  it('makes one directive of eight concurrent creates with the same key, each answered alike', async () => {
    const board = await t.login('board')
    const body = { subject: 'Văn bản gửi lại tám lần', requirements: [{ label: '1.', text: 'Một yêu cầu' }] }
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call(board, 'POST', '/api/v1/directives', body, { 'idempotency-key': 'burst-8' })))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201))
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1)
    expect(answers.filter((a) => a.headers['idempotent-replay'] === 'true')).toHaveLength(7)
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM directive WHERE subject = $1`, [body.subject])
    expect(n).toBe(1)
  })

  it('is a different request on another path: the same key creates there too', async () => {
    const board = await t.login('board')
    const period = await t.call(board, 'POST', '/api/v1/report-periods', { title: 'Kỳ báo cáo khóa chung', kind: 'adhoc', scopeUnitId: f.unitA.id, deadline: '2026-06-30' }, { 'idempotency-key': 'burst-8' })
    expect(period.statusCode).toBe(201)
    expect(period.headers['idempotent-replay']).toBeUndefined()
  })
})

describe('the client address behind a proxy', () => {
  it('is the one the trusted hops say, never whatever a client writes in X-Forwarded-For', async () => {
    const none = await createTestApp()
    const oneHop = await createTestApp({ trustProxy: 1 })
    try {
      for (const app of [none, oneHop]) await seedFixture(app.db)
      const ipOf = async (app: TestApp) => {
        await app.call(null, 'POST', '/api/v1/auth/login', { username: 'ghost', password: 'x' }, { 'x-test-ip': '10.0.0.1', 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })
        return (await app.db.query<{ ip: string }>(`SELECT ip FROM login_attempt WHERE username = 'ghost' ORDER BY id DESC LIMIT 1`))[0].ip
      }
      expect(await ipOf(none)).toBe('10.0.0.1')
      // One proxy: the address it saw (the last one added), not the spoofable first.
      expect(await ipOf(oneHop)).toBe('203.0.113.7')
    } finally {
      await none.close()
      await oneHop.close()
    }
  })
})
