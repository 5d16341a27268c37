import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Role } from '../contract/roles.ts'
import { buildApp } from '../server/app.ts'
import { readConfig, type Config } from '../server/config.ts'
import { createMailer } from '../server/mail/mailer.ts'
import { openKeyring, type Keyring } from '../server/lib/keyring.ts'

/** A master key made for this test run: confidential content sealed in tests opens with it only. */
export const TEST_MASTER_KEY = randomBytes(32).toString('base64')
import { seedAccount, seedPerson, seedUnit, type SeededUnit } from '../server/db/seed/builders.ts'
import type { Db } from '../server/db/types.ts'
import { createTestDb } from './db.ts'

export const PASSWORD = 'Test-password-1'

export interface Session {
  cookie: string
  csrf: string
  username: string
}

/** A controllable clock: tests move time instead of sleeping. */
export function testClock(start = new Date('2026-03-20T08:00:00Z')) {
  let now = start.getTime()
  const clock = () => new Date(now)
  clock.advance = (ms: number) => (now += ms)
  clock.set = (d: Date) => (now = d.getTime())
  return clock
}

export interface TestApp {
  app: FastifyInstance
  db: Db
  clock: ReturnType<typeof testClock>
  config: Config
  keys: Keyring
  login(username: string, password?: string, extra?: Record<string, unknown>): Promise<Session>
  call(session: Session | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDb()
  const clock = testClock()
  // Anchors go to a folder of this test's own, never beside a developer's real data.
  const config = { ...readConfig({}, []), demo: true, masterKey: TEST_MASTER_KEY, auditAnchorDir: mkdtempSync(join(tmpdir(), 'bvct-anchors-')), ...overrides }
  const mailer = createMailer(null, { log: () => {} })
  const keys = openKeyring(config, { createIfMissing: false })
  const app = await buildApp({ db, config, clock, mailer, keys })
  // `x-test-ip` sets the client address (the app does not trust X-Forwarded-For by default).
  const call: TestApp['call'] = (session, method, url, body, { 'x-test-ip': ip, ...headers } = {}) =>
    app.inject({
      method: method as any,
      url,
      remoteAddress: ip ?? '127.0.0.1',
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    })
  const login: TestApp['login'] = async (username, password = PASSWORD, extra = {}) => {
    const res = await call(null, 'POST', '/api/v1/auth/login', { username, password, ...extra })
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    return { cookie, csrf: res.json().csrfToken, username }
  }
  return { app, db, clock, config, keys, login, call, close: async () => { await app.close(); await db.close() } }
}

export interface Fixture {
  root: SeededUnit
  unitA: SeededUnit
  subA: SeededUnit
  unitB: SeededUnit
  personA: { id: number; fullName: string }
  personB: { id: number; fullName: string }
  /** username per role: `<role>` holds it on the root, `<role>.a` on unit A only. */
  users: Record<string, string>
}

export const ALL_ROLES: Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'staff', 'auditor', 'admin']

/** A ministry with hospitals A (with a sub-unit) and B, and an account per role on the root and on A. */
export async function seedFixture(db: Db): Promise<Fixture> {
  const root = await seedUnit(db, { code: 'ROOT', name: 'Bộ Y tế', kind: 'ministry' })
  const unitA = await seedUnit(db, { parent: root, code: 'HA', name: 'Bệnh viện Alpha', kind: 'hospital' })
  const subA = await seedUnit(db, { parent: unitA, code: 'HA-K1', name: 'Khoa Nội', kind: 'subunit' })
  const unitB = await seedUnit(db, { parent: root, code: 'HB', name: 'Bệnh viện Beta', kind: 'hospital' })
  const personA = await seedPerson(db, { unitId: unitA.id, fullName: 'Nguyễn Văn An' })
  const personB = await seedPerson(db, { unitId: unitB.id, fullName: 'Trần Thị Bình' })
  const users: Record<string, string> = {}
  for (const role of ALL_ROLES) {
    const p = await seedPerson(db, { unitId: unitA.id, fullName: `Lê Văn ${role}` })
    await seedAccount(db, { username: `${role}.a`, password: PASSWORD, personId: p.id, roles: [{ role, unitId: unitA.id }] })
    await seedAccount(db, { username: role, password: PASSWORD, roles: [{ role, unitId: root.id }] })
    users[role] = role
    users[`${role}.a`] = `${role}.a`
  }
  return { root, unitA, subA, unitB, personA, personB, users }
}
