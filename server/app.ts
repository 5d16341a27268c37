import { existsSync } from 'node:fs'
import { constants as zlibConstants } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import { createJsonSchemaTransform, createJsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod'
import { errorBody } from '../contract/errors.ts'
import type { AppDeps } from './deps.ts'
import { AppError, errorHandler } from './http/errors.ts'
import { validatorCompiler } from './http/validate.ts'
import { requireUser } from './http/guard.ts'
import { markWrites } from './http/read-routing.ts'
import { authenticate } from './features/auth/authenticate.ts'
import { accountRoutes } from './features/accounts/accounts.routes.ts'
import { auditRoutes } from './features/audit/audit.routes.ts'
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts'
import { directiveRoutes } from './features/directives/directives.routes.ts'
import { directiveParseRoutes } from './features/directives/parse.routes.ts'
import { parserAccuracyRoutes } from './features/directives/parser-accuracy.routes.ts'
import { disseminationRoutes } from './features/dissemination/dissemination.routes.ts'
import { authRoutes } from './features/auth/auth.routes.ts'
import { healthRoutes } from './features/health/health.routes.ts'
import { notificationRoutes } from './features/notifications/notifications.routes.ts'
import { peopleRoutes } from './features/people/people.routes.ts'
import { planRoutes } from './features/plans/plans.routes.ts'
import { reportRoutes } from './features/reports/reports.routes.ts'
import { reportDocumentRoutes } from './features/reports/documents.routes.ts'
import { unitRoutes } from './features/units/units.routes.ts'
import { caseRoutes } from './features/cases/cases.routes.ts'
import { inspectionRoutes } from './features/inspections/inspections.routes.ts'
import { positionRoutes } from './features/positions/positions.routes.ts'
import { officerRoutes } from './features/officers/officers.routes.ts'
import { materialRoutes } from './features/materials/materials.routes.ts'
import { channelRoutes } from './features/channels/channels.routes.ts'
import { incidentRoutes } from './features/incidents/incidents.routes.ts'
import { latencyRoutes } from './features/latency/latency.routes.ts'
import { jobRoutes } from './features/jobs/jobs.routes.ts'
import { overviewRoutes } from './features/overview/overview.routes.ts'
import { homeRoutes } from './features/home/home.routes.ts'

/** A registered API route as the tests see it: the authorization matrix and the contract test read these. */
export interface ApiRoute {
  method: string
  url: string
  schema: Record<string, unknown> | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[]
  }
}

export type { AppDeps }

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url))
// frame-src blob:: the register screen shows the uploaded PDF (a scan, most often) from an object
// URL of the user's own file beside the form; without it the browser blocks the frame.
const WEB_CSP = [
  "default-src 'self'", "frame-src 'self' blob:", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ')

/**
 * One log line per request, and only at debug level: at info the log holds the server's own events
 * (start, jobs, mail, errors), not every page view. Failed requests still log as Fastify does.
 */
class RequestLogAtDebug extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, req, reply)
    reply.log.debug({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request')
  }
}

/** Builds the app: ecosystem plugins, then our hooks, then every route, in plain sight. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  // Fastify takes a hop count or the proxies' addresses for X-Forwarded-For; without either, the socket's address.
  const proxy = deps.config.trustProxy
  const options: FastifyServerOptions = { logger: opts.logger ?? false, logController: new RequestLogAtDebug(), bodyLimit: deps.config.bodyLimit, trustProxy: typeof proxy === 'number' ? (_address: string, hop: number) => hop < proxy : proxy }
  const app = Fastify(options)

  // Requests are validated and answers serialized by each route's zod schemas from contract/;
  // the OpenAPI document at /api/docs is generated from the same schemas.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // First, so every plugin registered after (the API map among them) answers errors the same way.
  app.setErrorHandler(errorHandler)
  await app.register(cookie)
  // Answers over 1 KB travel compressed (a dashboard's JSON shrinks ~10×). Brotli at quality 4, not
  // zlib's default 11: that costs tens of ms per large answer for a few percent. The web app's own
  // files are compressed once at build time (web/vite.config.ts) and served as such (below).
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } } })
  await app.register(swagger, {
    openapi: {
      info: { title: 'BVCT API', version: '1', description: 'Errors answer `{"error": {"code", "message", "fields"}}` in Vietnamese, or English with `Accept-Language: en`. State changes need the `x-csrf-token` header.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bvct_session' } } },
      security: [{ session: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    // Schemas with an id (the error answer) are written once under components and referenced.
    transformObject: createJsonSchemaTransformObject({}),
  })
  // Outside demo mode the API's own map is for signed-in users only.
  await app.register(swaggerUi, { routePrefix: '/api/docs', ...(deps.config.demo ? {} : { uiHooks: { onRequest: requireUser() } }) })

  // Every API route, as registered: the authorization matrix test checks it covers them all, the
  // contract test that each declares its request and answer. Each gets the error answer's schema.
  const apiRoutes: ApiRoute[] = []
  app.decorate('apiRoutes', apiRoutes)
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return
    if (r.schema) r.schema = { ...r.schema, response: { '4xx': errorBody, '5xx': errorBody, ...(r.schema.response as object) } }
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url, schema: r.schema as Record<string, unknown> | undefined })
  })

  // Who is asking (the session cookie's user), for every API request; each route then says who may.
  app.addHook('onRequest', authenticate(deps.db, deps.clock))
  // With a read replica: a user's own writes keep their reads on the primary until the replica has them.
  markWrites(app, deps.db, { clock: deps.clock, secure: deps.config.secureCookies })
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header('x-frame-options', 'DENY')
    if (deps.config.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    if (req.url.startsWith('/api/')) {
      // API answers are not kept by browsers or proxies (the matrix sets its own: private, revalidated by ETag).
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    } else if (!reply.hasHeader('content-security-policy')) {
      // The web app loads only its own scripts; antd writes its styles at run time, hence inline styles.
      reply.header('content-security-policy', WEB_CSP)
    }
    return payload
  })

  healthRoutes(app, deps)
  authRoutes(app, deps)
  unitRoutes(app, deps)
  peopleRoutes(app, deps)
  accountRoutes(app, deps)
  auditRoutes(app, deps)
  directiveRoutes(app, deps)
  directiveParseRoutes(app, deps)
  parserAccuracyRoutes(app, deps)
  disseminationRoutes(app, deps)
  planRoutes(app, deps)
  dashboardRoutes(app, deps)
  notificationRoutes(app, deps)
  reportRoutes(app, deps)
  reportDocumentRoutes(app, deps)
  caseRoutes(app, deps)
  inspectionRoutes(app, deps)
  positionRoutes(app, deps)
  officerRoutes(app, deps)
  materialRoutes(app, deps)
  channelRoutes(app, deps)
  incidentRoutes(app, deps)
  latencyRoutes(app, deps)
  overviewRoutes(app, deps)
  homeRoutes(app, deps)
  jobRoutes(app, deps)

  // The built web app, with client-side routes falling back to index.html.
  if (existsSync(WEB_DIST + 'index.html')) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // The .br / .gz written beside each asset at build time, when the browser accepts them.
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        // Vite names assets by content hash, so a name never changes meaning: cache it for a year.
        // index.html names the current ones, so the browser asks again every time (304 when unchanged).
        if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable')
        else reply.header('cache-control', 'no-cache')
      },
    })
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset (a stale hashed file name) is a 404, not the app's HTML under a .js name.
    const isAsset = /\.[a-z0-9]+$/i.test(req.url.split('?')[0])
    if (req.url.startsWith('/api/') || isAsset || !existsSync(WEB_DIST + 'index.html')) throw new AppError('NOT_FOUND')
    return reply.sendFile('index.html')
  })
  return app
}
