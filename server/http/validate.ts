import { z } from 'zod'

/** Parses with the contract's zod schema; a ZodError becomes a 400 naming each field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(value ?? {})
}

/** `:id` path parameter. */
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
