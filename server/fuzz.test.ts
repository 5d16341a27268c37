// Hostile input never answers 5xx. Every operation in the OpenAPI document (/api/docs/json) is
// driven with malformed and hostile paths, queries and bodies — wrong types, NUL characters, lone
// surrogates, deep nesting, huge numbers, prototype keys, broken JSON, multipart cut short — as
// several roles, and any answer of 500 or more fails the test with the request that caused it.
// The generator is seeded: a failure is reproduced by running the test again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../test/app.ts'
import { seedDirective } from './db/seed/builders.ts'

let t: TestApp
let f: Fixture
let doc: { paths: Record<string, Record<string, Operation>> }

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}
interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 2 })
  doc = (await t.call(null, 'GET', '/api/docs/json')).json()
})
afterAll(() => t.close())

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const deep = (n: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < n; i++) v = [v]
  return v
}

/** Values no route expects: each is a test of the validator or of a query that trusts it. */
const HOSTILE: unknown[] = [
  null, '', ' ', 'a\u0000b', '\ud800', '\udfff x', 'x'.repeat(20_000), '‮fdp.exe', "1' OR '1'='1", '../../etc/passwd',
  '<script>alert(1)</script>', -1, 0, 1.5, 2 ** 53 + 2, -(2 ** 31) - 1, 1e308, true, [], {}, deep(2_000), { $gt: '' }, '2026-02-30', '9999-99-99',
  'NaN', '１２３', ['a', 1, null],
]
const PATH_VALUES = ['0', '-1', '99999999999999999999', 'abc', '1.5', '%00', '%E2%80%AE', '..%2F..%2Fetc', "1'--", 'x'.repeat(3000), '%ED%A0%80']
const QUERY_VALUES = ['', '%00', '%ED%A0%80', '-1', '99999999999999999999', 'abc', '2026-13-45', 'x'.repeat(5000), '%27%20OR%201%3D1', '[]', '{}']

/** A body that fits the schema's shape with plain values, so a hostile value in one field gets past the others. */
function plain(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 4) return null
  const s = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema
  if (s.enum?.length) return s.enum[0]
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plain(v, depth + 1)]))
    case 'array':
      return [plain(s.items, depth + 1)]
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return 'Kiểm tra'
  }
}

interface Probe {
  method: string
  url: string
  body?: string
  contentType?: string
  label: string
}

function probesFor(path: string, method: string, op: Operation, r: () => number): Probe[] {
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  const fill = (p: string, value?: string) => p.replace(/\{(\w+)\}/g, () => value ?? String(f.unitA.id))
  const M = method.toUpperCase()
  const probes: Probe[] = []
  // Hostile path parameters.
  if (path.includes('{')) for (const v of [pick(PATH_VALUES), pick(PATH_VALUES), pick(PATH_VALUES)]) probes.push({ method: M, url: fill(path, v), label: `path=${v.slice(0, 20)}` })
  // Hostile query values, one parameter at a time, and a repeated parameter (an array where a string is expected).
  const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
  for (const name of queryNames) {
    const v = pick(QUERY_VALUES)
    probes.push({ method: M, url: `${fill(path)}?${name}=${v}`, label: `?${name}=${v.slice(0, 20)}` })
  }
  if (queryNames.length) probes.push({ method: M, url: `${fill(path)}?${queryNames[0]}=1&${queryNames[0]}=2`, label: `?${queryNames[0]} twice` })
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(M)) return probes
  const content = op.requestBody?.content ?? {}
  if (content['multipart/form-data']) {
    const boundary = '----bvctfuzz'
    probes.push({ method: M, url: fill(path), contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u202Efdp.exe"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`, label: 'multipart cut short' })
    probes.push({ method: M, url: fill(path), contentType: 'multipart/form-data', body: 'no boundary', label: 'multipart without boundary' })
  }
  // Broken and mistyped bodies.
  for (const body of ['{"a":', '[]', 'null', '"x"', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', JSON.stringify(deep(2_000))]) {
    probes.push({ method: M, url: fill(path), contentType: 'application/json', body, label: `body ${body.slice(0, 24)}` })
  }
  // One hostile value per field of an otherwise plain body.
  const schema = content['application/json']?.schema
  const base = plain(schema)
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const key of Object.keys(base)) {
      for (const v of [pick(HOSTILE), pick(HOSTILE)]) {
        probes.push({ method: M, url: fill(path), contentType: 'application/json', body: JSON.stringify({ ...base, [key]: v }), label: `${key}=${JSON.stringify(v)?.slice(0, 24)}` })
      }
    }
  }
  return probes
}

// Sign-out and session ends would cut the fuzzer's own session short; they take no body.
const SKIP = /\/auth\/logout|\/auth\/sessions/

describe('hostile input', () => {
  it('never answers 5xx, on any route in the OpenAPI document, as any of several roles', async () => {
    const sessions: [string, Session | null][] = [
      ['anonymous', null],
      ['board', await t.login('board')],
      ['unitOfficer.a', await t.login('unitOfficer.a')],
      ['admin', await t.login('admin')],
    ]
    const failures: string[] = []
    const answered = new Map<number, number>()
    let sent = 0
    const r = rng(20261203)
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    expect(operations.length).toBeGreaterThan(60)
    for (const [who, session] of sessions) {
      for (const { path, method, op } of operations) {
        if (SKIP.test(path)) continue
        // Every probe as the board (the widest writer); a sample as the others: anonymous requests
        // stop at sign-in, and the narrower roles mostly at their scope.
        const probes = probesFor(path, method, op, r)
        const sample = who === 'board' ? probes : probes.filter(() => r() < (who === 'anonymous' ? 0.1 : 0.3))
        for (const p of sample) {
          const res = await t.app.inject({
            method: p.method as 'GET',
            url: p.url,
            headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...(p.contentType ? { 'content-type': p.contentType } : {}) },
            ...(p.body !== undefined ? { payload: p.body } : {}),
          })
          sent++
          answered.set(res.statusCode, (answered.get(res.statusCode) ?? 0) + 1)
          if (res.statusCode >= 500) failures.push(`${who} ${p.method} ${p.url.slice(0, 80)} [${p.label}] → ${res.statusCode} ${res.body.slice(0, 160)}`)
        }
      }
    }
    console.log(`fuzz: ${sent} requests over ${operations.length} operations;`, Object.fromEntries(answered))
    expect(failures).toEqual([])
    // The requests reached the validators, not only the sign-in check.
    expect(sent).toBeGreaterThan(1_000)
    expect(answered.get(400) ?? 0).toBeGreaterThan(sent / 4)
  }, 600_000)

  it('refuses a NUL, a lone surrogate or nesting 2,000 deep with 400 naming the field', async () => {
    const admin = await t.login('admin')
    for (const bad of ['a\u0000b', '\ud800']) {
      const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, code: 'FZ1', name: bad, kind: 'hospital' })
      expect(res.statusCode).toBe(400)
      expect(JSON.stringify(res.json())).toContain('name')
    }
    const res = await t.call(admin, 'POST', '/api/v1/units', JSON.stringify({ parentId: f.root.id, code: 'FZ2', name: deep(2_000), kind: 'hospital' }))
    expect(res.statusCode).toBe(400)
  })
})
