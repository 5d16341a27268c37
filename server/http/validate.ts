// Request validation and response serialization from the contract's zod schemas: each route
// declares `schema: { params, querystring, headers, body, response }` and Fastify runs these.
import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { isStreamed } from '../../contract/common.ts'

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
