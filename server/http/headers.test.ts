// What every answer says about itself: API answers are not stored, the web app runs under a
// Content-Security-Policy with no inline script, HSTS behind HTTPS, and the API map is not public.
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type TestApp } from '../../test/app.ts'

let demo: TestApp
let strict: TestApp

beforeAll(async () => {
  demo = await createTestApp()
  strict = await createTestApp({ demo: false, secureCookies: true })
  await seedFixture(demo.db)
  await seedFixture(strict.db)
})
afterAll(async () => {
  await demo.close()
  await strict.close()
})

describe('answer headers', () => {
  it('keep API answers out of caches, errors included', async () => {
    const ok = await demo.call(await demo.login('auditor'), 'GET', '/api/v1/units')
    expect(ok.headers['cache-control']).toBe('no-store')
    expect((await demo.call(null, 'GET', '/api/v1/units')).headers['cache-control']).toBe('no-store')
  })

  it('compress API answers over 1 KB for a client that accepts it, and leave small ones as they are', async () => {
    // The API's map: the largest answer the fixture has.
    const s = await demo.login('auditor')
    const plain = await demo.call(s, 'GET', '/api/docs/json')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    const br = await demo.call(s, 'GET', '/api/docs/json', undefined, { 'accept-encoding': 'br, gzip' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json())
    const gz = await demo.call(s, 'GET', '/api/docs/json', undefined, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json())
    const small = await demo.call(s, 'GET', '/api/v1/health', undefined, { 'accept-encoding': 'br, gzip' })
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('put the web app under a policy that allows no inline or foreign script', async () => {
    const page = await demo.call(null, 'GET', '/directives')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })

  it('send HSTS only when cookies are Secure (behind HTTPS)', async () => {
    expect((await strict.call(null, 'GET', '/api/v1/health')).headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect((await demo.call(null, 'GET', '/api/v1/health')).headers['strict-transport-security']).toBeUndefined()
  })

  it('keep /api/docs behind sign-in outside demo mode', async () => {
    expect((await strict.call(null, 'GET', '/api/docs/json')).statusCode).toBe(401)
    expect((await strict.call(null, 'GET', '/api/docs/')).statusCode).toBe(401)
    const s = await strict.login('auditor')
    // Outside demo mode a role like auditor must set up TOTP first only if it is board/committee/admin; auditor is not.
    expect((await strict.call(s, 'GET', '/api/docs/json')).statusCode).toBe(200)
    expect((await demo.call(null, 'GET', '/api/docs/json')).statusCode).toBe(200)
  })
})
