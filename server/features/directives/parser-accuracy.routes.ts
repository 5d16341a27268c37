import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { PARSER_ACCURACY_ROLES, parserAccuracyDto, parserAccuracyQuery } from '../../../contract/parser-accuracy.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser } from '../../http/guard.ts'
import { parserAccuracy } from './parser-accuracy.queries.ts'

/**
 * GET /api/v1/admin/parser-accuracy: per field and month (or week), how often the parser's proposal
 * was confirmed unchanged. Counts only, no letter's content, so it is not scoped by unit.
 */
export function parserAccuracyRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  fastify.withTypeProvider<ZodTypeProvider>().get('/api/v1/admin/parser-accuracy', {
    onRequest: requireUser(PARSER_ACCURACY_ROLES),
    schema: { tags: ['directives'], summary: 'Parser accuracy per field and period: 1 − corrected / reviewed letters', querystring: parserAccuracyQuery, response: { 200: parserAccuracyDto } },
  }, async (req) => parserAccuracy(db, req.query, clock()))
}
