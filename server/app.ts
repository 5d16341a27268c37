import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import type { Config } from './config.ts'
import type { Db } from './db/types.ts'
import { AppError, errorHandler } from './http/errors.ts'
import { accountRoutes } from './features/accounts/accounts.routes.ts'
import { auditRoutes } from './features/audit/audit.routes.ts'
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts'
import { directiveRoutes } from './features/directives/directives.routes.ts'
import { directiveParseRoutes } from './features/directives/parse.routes.ts'
import { disseminationRoutes } from './features/dissemination/dissemination.routes.ts'
import { authRoutes } from './features/auth/auth.routes.ts'
import { healthRoutes } from './features/health/health.routes.ts'
import { notificationRoutes } from './features/notifications/notifications.routes.ts'
import { peopleRoutes } from './features/people/people.routes.ts'
import { planRoutes } from './features/plans/plans.routes.ts'
import { reportRoutes } from './features/reports/reports.routes.ts'
import { reportDocumentRoutes } from './features/reports/documents.routes.ts'
import { unitRoutes } from './features/units/units.routes.ts'

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: { method: string; url: string }[]
  }
}

export interface AppDeps {
  db: Db
  config: Config
  /** The current time; tests hand in their own. */
  clock: () => Date
}

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url))

/** Builds the app: ecosystem plugins, then our hooks, then every route, in plain sight. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: deps.config.bodyLimit, trustProxy: deps.config.trustProxy })

  await app.register(cookie)
  await app.register(swagger, {
    openapi: { info: { title: 'BVCT API', version: '1' }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bvct_session' } } } },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  // Every API route, as registered: the authorization matrix test checks it covers them all.
  const apiRoutes: { method: string; url: string }[] = []
  app.decorate('apiRoutes', apiRoutes)
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url })
  })

  app.setErrorHandler(errorHandler)
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header('x-frame-options', 'DENY')
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
  disseminationRoutes(app, deps)
  planRoutes(app, deps)
  dashboardRoutes(app, deps)
  notificationRoutes(app, deps)
  reportRoutes(app, deps)
  reportDocumentRoutes(app, deps)

  // The built web app, with client-side routes falling back to index.html.
  if (existsSync(WEB_DIST + 'index.html')) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false })
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset (a stale hashed file name) is a 404, not the app's HTML under a .js name.
    const isAsset = /\.[a-z0-9]+$/i.test(req.url.split('?')[0])
    if (req.url.startsWith('/api/') || isAsset || !existsSync(WEB_DIST + 'index.html')) throw new AppError('NOT_FOUND')
    return reply.sendFile('index.html')
  })
  return app
}
