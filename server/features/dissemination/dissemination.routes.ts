import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'

/** Dissemination sessions, attendance, roster import, coverage and personal receipt (being written). */
export function disseminationRoutes(_app: FastifyInstance, _deps: AppDeps) {}
