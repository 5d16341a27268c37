import type { FastifyRequest } from 'fastify'
import type { Lang } from '../../contract/errors.ts'

/** Vietnamese unless the client asks for English first. */
export function langOf(req: FastifyRequest): Lang {
  const h = String(req.headers['accept-language'] ?? '').trim().toLowerCase()
  return h.startsWith('en') ? 'en' : 'vi'
}
