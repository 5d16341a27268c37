import { z } from 'zod'

/** Parses with the contract's zod schema; a ZodError becomes a 400 naming each field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const input = value ?? {}
  const result = schema.safeParse(input)
  if (result.success) return result.data
  // zod does not keep the input on its issues; the error handler needs it to tell "missing" from "wrong type".
  throw Object.assign(result.error, { input })
}

/** `:id` path parameter. */
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
