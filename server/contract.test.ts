// Contract-first routes: every API route declares its request and its answer with the zod schemas
// of contract/, and the OpenAPI document at /api/docs/json is generated from them. A route added
// without a response schema (or a request schema for what it reads) fails here.
import Fastify from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorHandler } from './http/errors.ts'
import { validatorCompiler } from './http/validate.ts'
import { createTestApp, type TestApp } from '../test/app.ts'

let t: TestApp
let doc: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, unknown> } }

beforeAll(async () => {
  t = await createTestApp()
  const res = await t.call(null, 'GET', '/api/docs/json')
  expect(res.statusCode).toBe(200)
  doc = res.json()
})
afterAll(() => t.close())

// OpenAPI writes `/api/v1/units/{id}` for Fastify's `/api/v1/units/:id`.
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')
const routes = () => t.app.apiRoutes

describe('the OpenAPI document', () => {
  it('lists every registered API route', () => {
    expect(routes().length).toBeGreaterThan(60)
    const missing = routes().filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.url}`)
    expect(missing).toEqual([])
  })

  it('documents a success answer with a schema for every route', () => {
    const lacking = routes().filter((r) => {
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()]
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code))
      // A 204 has no body; every other success names what it answers (JSON schema or a file's content type).
      return !success.length || success.some(([code, res]: [string, any]) => code !== '204' && !res.content)
    })
    expect(lacking.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('documents the error answer of every route', () => {
    const lacking = routes().filter((r) => {
      const res = doc.paths[openApiPath(r.url)][r.method.toLowerCase()].responses
      return !res['4XX']?.content?.['application/json']?.schema && !res['4xx']?.content?.['application/json']?.schema
    })
    expect(lacking.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('documents the body of every route that reads one, and every path parameter', () => {
    const lacking: string[] = []
    for (const r of routes()) {
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()]
      const schema = r.schema ?? {}
      if (['POST', 'PUT', 'PATCH'].includes(r.method) && schema.body && !op.requestBody?.content) lacking.push(`${r.method} ${r.url}: body`)
      for (const name of r.url.match(/:(\w+)/g) ?? []) {
        if (!op.parameters?.some((p: any) => p.in === 'path' && p.name === name.slice(1) && p.schema)) lacking.push(`${r.method} ${r.url}: ${name}`)
      }
    }
    expect(lacking).toEqual([])
  })
})

describe('route schemas', () => {
  it('every route declares a response schema from contract/ for its success', () => {
    const lacking = routes().filter((r) => !Object.keys((r.schema?.response as object) ?? {}).some((code) => /^2\d\d$/.test(code)))
    expect(lacking.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('every route with a path parameter validates it', () => {
    const lacking = routes().filter((r) => (r.url.includes(':') && !r.schema?.params))
    expect(lacking.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('answers only what the schema names, and an answer that breaks it is a 500, never sent', async () => {
    // The same compilers and error handler as app.ts, on a probe app with two deliberate mistakes.
    const probe = Fastify()
    probe.setValidatorCompiler(validatorCompiler)
    probe.setSerializerCompiler(serializerCompiler)
    probe.setErrorHandler(errorHandler)
    const schema = { response: { 200: z.object({ id: z.number(), name: z.string() }) } }
    probe.get('/extra', { schema }, async () => ({ id: 1, name: 'Bộ Y tế', path: '1.2.3' }))
    probe.get('/wrong', { schema }, async () => ({ id: 'one', name: 'Bộ Y tế' }))
    const extra = await probe.inject({ method: 'GET', url: '/extra' })
    expect(extra.json()).toEqual({ id: 1, name: 'Bộ Y tế' })
    const wrong = await probe.inject({ method: 'GET', url: '/wrong' })
    expect(wrong.statusCode).toBe(500)
    expect(wrong.json().error.code).toBe('INTERNAL')
    expect(wrong.body).not.toContain('one')
    await probe.close()
  })
})
