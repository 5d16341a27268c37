// Request validation and response serialization from the contract's zod schemas: each route
// declares `schema: { params, querystring, headers, body, response }` and Fastify runs these.
import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { isStreamed } from '../../contract/common.ts'
import { AppError, type FieldError } from './errors.ts'

/** Deeper than any real request (a directive's requirements nest 3–4 levels). */
const MAX_DEPTH = 32
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const isBadText = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s)

/**
 * Text that no field may hold — a NUL character, a lone UTF-16 surrogate — and nesting deeper than
 * any request needs, named by field before the schema sees them (a deep enough value would
 * otherwise exhaust the stack of a recursive schema and answer 500).
 */
function badInput(value: unknown, path: string, depth: number, out: Record<string, FieldError>) {
  if (depth > MAX_DEPTH) {
    out[path || '(body)'] = 'tooDeep'
    return
  }
  if (typeof value === 'string') {
    if (isBadText(value)) out[path || '(body)'] = 'badText'
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badInput(v, path ? `${path}.${i}` : String(i), depth + 1, out))
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isBadText(k)) out[path || '(body)'] = 'badText'
      else badInput(v, path ? `${path}.${k}` : k, depth + 1, out)
    }
  }
}

/**
 * Validates a request part with its zod schema and hands the parsed value (defaults, coercions) to
 * the handler. A failure is the ZodError itself, with the input kept: the error handler needs it
 * to tell a missing field from a wrong one, and names each field in the caller's language.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const streamed = httpPart === 'body' && isStreamed(schema)
  return (data: unknown) => {
    // A multipart body (null: the parser leaves it to the handler) is read from the stream; only a JSON one is checked here.
    if (streamed && data == null) return { value: data }
    const input = data ?? {}
    if (httpPart !== 'headers') {
      const bad: Record<string, FieldError> = {}
      badInput(input, '', 0, bad)
      if (Object.keys(bad).length) return { error: new AppError('VALIDATION', bad) }
    }
    const result = schema.safeParse(input)
    if (result.success) return { value: result.data }
    return { error: Object.assign(result.error, { input }) }
  }
}

/** Parses a value the route did not get through its schema (a multipart field, a stored JSON). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const input = value ?? {}
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw Object.assign(result.error, { input })
}
