// Building blocks every feature's contract uses: ids in paths, days and instants, lists, the
// Idempotency-Key header, files. Route schemas, the web's types and the OpenAPI document all come
// from these zod schemas.
import { z } from 'zod'

const MAX_INT = 2_147_483_647

/** A database id in a JSON body or answer. */
export const id = z.number().int().positive().max(MAX_INT)
/** A database id in a path or query string (text on the wire). */
export const queryId = z.coerce.number().int().positive().max(MAX_INT)
/** `:id` in a path. */
export const idParams = z.strictObject({ id: queryId })
/** `:id/units/:unitId` in a path. */
export const unitParams = z.strictObject({ id: queryId, unitId: queryId })

/** A calendar day, yyyy-mm-dd (the day in Vietnam). */
export const isoDay = z.iso.date()
/** An instant, ISO 8601 with time and zone, as the server writes it. */
export const instant = z.string().describe('ISO 8601 timestamp')

// Zero-width, bidirectional and other invisible format characters: two names that look the same must
// be the same, and a file name must read as it is ("invoice\u202Efdp.exe" shows as a .pdf).
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g

/** NFC, invisible and bidi control characters removed, spaces folded: how names and titles are kept. */
export const cleanName = (s: string) => s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()

/**
 * A name or title a person reads (a unit, a person, a session, a subject): cleaned as cleanName
 * does, with at least one visible letter or digit.
 */
export const visibleText = (min: number, max: number) =>
  z.string().transform(cleanName).pipe(z.string().min(min).max(max).refine((v) => /[\p{L}\p{N}]/u.test(v), { params: { key: 'noLetter' } }))

/** Optimistic concurrency: the version the client last saw. */
export const versionInput = z.strictObject({ version: z.number().int().positive() })

/** A text in both UI languages. */
export const label = z.object({ vi: z.string(), en: z.string() })

/** `{ ok: true }`: a change with nothing else to say. */
export const okDto = z.object({ ok: z.literal(true) })

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })
/** A page of a longer list, with the count of every match. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

/** '1' turns a query-string flag on. */
export const flag = z.enum(['0', '1'])

/**
 * A client retrying a POST after a network error sends the same key: the retry gets the first
 * answer and changes nothing (server/http/idempotency.ts).
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const idempotencyKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/)
/** Loose: every other header passes through untouched. */
export const idempotencyHeaders = z.looseObject({ [IDEMPOTENCY_HEADER]: idempotencyKey.optional() })

/** A file's bytes (a Buffer on the server): documented as binary, never validated as JSON. */
export const binary = z.any().meta({ type: 'string', format: 'binary' })

/** A downloaded file (the body is the file's bytes), for the OpenAPI document. */
export const fileResponse = (mime: string, description: string) => ({ description, content: { [mime]: { schema: binary } } })
export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  octet: 'application/octet-stream',
} as const

/**
 * Marks a request body that arrives as a multipart stream: the handler reads the file itself, so
 * validation passes a multipart request through and checks only a JSON one against the schema.
 */
export const streamed = <T extends z.ZodType>(schema: T) => schema.meta({ 'x-multipart': true })
export const isStreamed = (schema: unknown) => (z.globalRegistry.get(schema as z.ZodType) as Record<string, unknown> | undefined)?.['x-multipart'] === true

/** An upload of one file (multipart/form-data, field `file`). */
export const fileUpload = streamed(z.object({ file: binary.optional() }).describe('multipart/form-data with one file in `file`'))
