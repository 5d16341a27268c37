import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedUnit } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, type TestApp } from '../../../test/app.ts'
import { totpCode } from './totp.ts'

let t: TestApp
let rootId: number

beforeAll(async () => {
  t = await createTestApp()
  const root = await seedUnit(t.db, { code: 'ROOT', name: 'Bộ Y tế', kind: 'ministry' })
  rootId = root.id
  await seedAccount(t.db, { username: 'officer', password: PASSWORD, roles: [{ role: 'unitOfficer', unitId: root.id }] })
  await seedAccount(t.db, { username: 'boarder', password: PASSWORD, roles: [{ role: 'board', unitId: root.id }] })
})
afterAll(() => t.close())

describe('sign-in', () => {
  it('stores passwords as argon2id hashes', async () => {
    const [r] = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM account WHERE username = 'officer'`)
    expect(r.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('should sign in, set an HttpOnly SameSite session cookie and give a CSRF token', async () => {
    const res = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'officer', password: PASSWORD })
    expect(res.statusCode).toBe(200)
    const session = res.cookies.find((c) => c.name === 'bvct_session')!
    expect(session.httpOnly).toBe(true)
    expect(session.sameSite).toBe('Lax')
    const csrf = res.cookies.find((c) => c.name === 'bvct_csrf')!
    expect(csrf.httpOnly).toBeFalsy()
    expect(res.json().csrfToken).toBe(csrf.value)
    expect(res.headers['x-csrf-token']).toBe(csrf.value)
    expect(res.json()).toMatchObject({ username: 'officer', roles: [{ role: 'unitOfficer', unitId: rootId }] })
  })

  it('should answer 401 on a wrong password or unknown user, in Vietnamese and in English', async () => {
    const bad = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'officer', password: 'wrong-password-9' })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' })
    const en = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'nobody', password: 'x' }, { 'accept-language': 'en' })
    expect(en.statusCode).toBe(401)
    expect(en.json().error.message).toBe('Wrong username or password')
  })

  it('should require sign-in for /me', async () => {
    expect((await t.call(null, 'GET', '/api/v1/me')).statusCode).toBe(401)
  })

  it('should refuse a state change without the CSRF token, and accept it with the token', async () => {
    const s = await t.login('officer')
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().error.code).toBe('CSRF')
    const wrong = await t.call({ ...s, csrf: 'forged' }, 'POST', '/api/v1/auth/logout')
    expect(wrong.statusCode).toBe(403)
    expect((await t.call(s, 'GET', '/api/v1/me')).statusCode).toBe(200)
  })

  it('should sign out: the session no longer works', async () => {
    const s = await t.login('officer')
    expect((await t.call(s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200)
    expect((await t.call(s, 'GET', '/api/v1/me')).statusCode).toBe(401)
  })

  it('should throttle one address guessing one account with growing delays, without locking the owner out elsewhere', async () => {
    await seedAccount(t.db, { username: 'victim', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    const attacker = { 'x-test-ip': '203.0.113.9' }
    for (let i = 0; i < 5; i++) expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: 'guess-' + i }, attacker)).statusCode).toBe(401)
    // Even the right password waits, from the guessing address.
    const locked = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD }, attacker)
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS')
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
    // The owner, from their own address, is not locked out.
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD }, { 'x-test-ip': '198.51.100.4' })).statusCode).toBe(200)
    // One minute, then one more guess; then two minutes: the delay doubles.
    t.clock.advance(61_000)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: 'guess-5' }, attacker)).statusCode).toBe(401)
    t.clock.advance(61_000)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD }, attacker)).statusCode).toBe(429)
    t.clock.advance(60_000)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD }, attacker)).statusCode).toBe(200)
    // Failures and refusals are in the audit log.
    const audit = await t.db.query<{ action: string; after: { username: string } }>(`SELECT action, after FROM audit_log WHERE action IN ('loginFailed', 'throttled') AND after->>'username' = 'victim'`)
    expect(audit.filter((a) => a.action === 'loginFailed')).toHaveLength(6)
    expect(audit.filter((a) => a.action === 'throttled')).toHaveLength(2)
  })

  it('should count concurrent guesses one by one: 50 at once check at most 5 passwords', async () => {
    await seedAccount(t.db, { username: 'burst', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    const ip = { 'x-test-ip': '203.0.113.50' }
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.call(null, 'POST', '/api/v1/auth/login', { username: 'burst', password: 'wrong-' + i }, ip)))
    const codes = answers.map((a) => a.statusCode)
    expect(codes.filter((c) => c === 401)).toHaveLength(5)
    expect(codes.filter((c) => c === 429)).toHaveLength(45)
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempt WHERE username = 'burst'`)
    expect(n).toBe(5)
    t.clock.advance(16 * 60_000)
  })

  it('should throttle many failures from one address across accounts', async () => {
    const ip = { 'x-test-ip': '192.0.2.77' }
    for (let i = 0; i < 20; i++) await t.call(null, 'POST', '/api/v1/auth/login', { username: `spray${i}`, password: 'x' }, ip)
    const r = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'officer', password: PASSWORD }, ip)
    expect(r.statusCode).toBe(429)
    t.clock.advance(16 * 60_000)
  })
})

describe('password change', () => {
  it('should change the password, sign out other sessions and refuse a wrong current password', async () => {
    await seedAccount(t.db, { username: 'changer', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    const s1 = await t.login('changer')
    const s2 = await t.login('changer')
    const wrong = await t.call(s1, 'POST', '/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'New-password-22' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields).toHaveProperty('currentPassword')
    const weak = await t.call(s1, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().error.fields).toHaveProperty('newPassword')
    const ok = await t.call(s1, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'New-password-22' })
    expect(ok.statusCode).toBe(200)
    expect((await t.call(s1, 'GET', '/api/v1/me')).statusCode).toBe(200)
    expect((await t.call(s2, 'GET', '/api/v1/me')).statusCode).toBe(401)
    await t.login('changer', 'New-password-22')
  })

  it('should count wrong current passwords like sign-in guesses, on password change and on TOTP disable', async () => {
    await seedAccount(t.db, { username: 'stolen', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    const s = await t.login('stolen')
    for (let i = 0; i < 5; i++) expect((await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'nope' + i, newPassword: 'New-password-22' })).statusCode).toBe(400)
    expect((await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'New-password-22' })).statusCode).toBe(429)
    expect((await t.call(s, 'POST', '/api/v1/auth/totp/disable', { password: PASSWORD })).statusCode).toBe(429)
    t.clock.advance(16 * 60_000)
  })
})

describe('two-factor (TOTP)', () => {
  it('should let any user enable TOTP and then require the code at sign-in', async () => {
    await seedAccount(t.db, { username: 'totpuser', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    const s = await t.login('totpuser')
    const setup = await t.call(s, 'POST', '/api/v1/auth/totp/setup')
    expect(setup.statusCode).toBe(200)
    const { secret, uri } = setup.json()
    expect(uri).toMatch(/^otpauth:\/\/totp\/BVCT:totpuser\?/)
    expect((await t.call(s, 'POST', '/api/v1/auth/totp/confirm', { code: '000000' === totpCode(secret, t.clock()) ? '111111' : '000000' })).statusCode).toBe(400)
    expect((await t.call(s, 'POST', '/api/v1/auth/totp/confirm', { code: totpCode(secret, t.clock()) })).statusCode).toBe(200)

    const without = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD })
    expect(without.statusCode).toBe(401)
    expect(without.json().error.code).toBe('TOTP_REQUIRED')
    const wrong = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: '123456' === totpCode(secret, t.clock()) ? '654321' : '123456' })
    expect(wrong.json().error.code).toBe('TOTP_INVALID')
    // The code that confirmed the setup is spent; the next step's code signs in, once.
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: totpCode(secret, t.clock()) })).json().error.code).toBe('TOTP_INVALID')
    t.clock.advance(30_000)
    const code = totpCode(secret, t.clock())
    const ok = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: code })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().isTotpEnabled).toBe(true)
    const replayed = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: code }, { 'x-test-ip': '10.9.9.9' })
    expect(replayed.json().error.code).toBe('TOTP_INVALID')
    // The previous step's code, still within the drift window, is refused too: it is older than the last one used.
    t.clock.advance(30_000)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: code }, { 'x-test-ip': '10.9.9.8' })).json().error.code).toBe('TOTP_INVALID')
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'loginFailed' AND after->>'reason' = 'totpReplayed'`)).length).toBe(3)
  })

  it('outside demo mode, requires board/committee/admin to set up TOTP before anything else', async () => {
    const strict = await createTestApp({ demo: false })
    try {
      const root = await seedUnit(strict.db, { code: 'R2', name: 'Bộ', kind: 'ministry' })
      await seedAccount(strict.db, { username: 'boarder', password: PASSWORD, roles: [{ role: 'board', unitId: root.id }] })
      await seedAccount(strict.db, { username: 'plain', password: PASSWORD, roles: [{ role: 'staff', unitId: root.id }] })
      const s = await strict.login('boarder')
      const me = await strict.call(s, 'GET', '/api/v1/me')
      expect(me.json().isMfaSetupRequired).toBe(true)
      const blocked = await strict.call(s, 'GET', '/api/v1/units')
      expect(blocked.statusCode).toBe(403)
      expect(blocked.json().error.code).toBe('MFA_SETUP_REQUIRED')
      const { secret } = (await strict.call(s, 'POST', '/api/v1/auth/totp/setup')).json()
      expect((await strict.call(s, 'POST', '/api/v1/auth/totp/confirm', { code: totpCode(secret, strict.clock()) })).statusCode).toBe(200)
      expect((await strict.call(s, 'GET', '/api/v1/units')).statusCode).toBe(200)
      // A required second factor cannot be switched off.
      expect((await strict.call(s, 'POST', '/api/v1/auth/totp/disable', { password: PASSWORD })).statusCode).toBe(409)
      const plain = await strict.login('plain')
      expect((await strict.call(plain, 'GET', '/api/v1/units')).statusCode).toBe(200)
    } finally {
      await strict.close()
    }
  })
})
