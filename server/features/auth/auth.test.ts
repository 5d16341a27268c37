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

  it('should throttle repeated failures on one account, even with the right password afterwards', async () => {
    await seedAccount(t.db, { username: 'victim', password: PASSWORD, roles: [{ role: 'staff', unitId: rootId }] })
    for (let i = 0; i < 5; i++) {
      const r = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: 'guess-' + i }, { 'x-test-ip': `10.0.0.${i}` })
      expect(r.statusCode).toBe(401)
    }
    const locked = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD })
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS')
    t.clock.advance(16 * 60_000)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD })).statusCode).toBe(200)
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
    const ok = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'totpuser', password: PASSWORD, totp: totpCode(secret, t.clock()) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().isTotpEnabled).toBe(true)
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
