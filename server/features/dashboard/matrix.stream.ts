import { Readable } from 'node:stream'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import type { matrixCache } from './matrix.cache.ts'
import { flatMatrixChunks, type CoverageFn, type FlatChunks, type MatrixOptions } from './matrix.service.ts'

/** Rows per chunk of a streamed flat view: the web's page (web/features/dashboard/api.ts FLAT_PAGE). */
export const FLAT_CHUNK = 500

type Head = { isChunked: false } | { isChunked: true; total: number; head: FlatChunks['head'] }

/**
 * A plain flat view (every addressee unit, tree order, from the rollups) in chunks of `chunk` rows,
 * each kept in the view cache on its own under `viewKey` (the view without its page) at `epoch`:
 * the whole view and its pages of `chunk` rows are answered from the same entries, and a second
 * request at the same epoch computes nothing. Null when the view has to be built whole
 * (flatMatrixChunks: filters, the overdue ranking, a day before the rollups).
 */
export async function flatMatrixParts(
  cache: ReturnType<typeof matrixCache>, viewKey: string, epoch: number,
  db: Queryable, user: CurrentUser, directiveId: number, opts: MatrixOptions, coverage?: CoverageFn, chunk = FLAT_CHUNK,
) {
  let prepared: Promise<FlatChunks | null> | undefined
  const chunks = () => (prepared ??= flatMatrixChunks(db, user, directiveId, opts, coverage))
  const headBytes = await cache.bytes(`${viewKey}#head`, epoch, async (): Promise<Head> => {
    const c = await chunks()
    return c ? { isChunked: true, total: c.total, head: c.head } : { isChunked: false }
  })
  const h = JSON.parse(headBytes.toString('utf8')) as Head
  if (!h.isChunked) return null
  const { total, head } = h
  /** The rows offset … offset + chunk − 1 as a JSON array. */
  const rowsAt = (offset: number) => cache.bytes(`${viewKey}#rows@${offset}+${chunk}`, epoch, async () => (await chunks())!.rows(offset, chunk))
  /** The head's JSON without its closing brace, for the rows (and the page) to follow. */
  const open = () => Buffer.from(JSON.stringify(head).slice(0, -1))

  return {
    total,
    /** The whole view as a stream of JSON: the same MatrixDto directiveMatrix answers (rows last). */
    whole(): Readable {
      async function* json() {
        yield Buffer.concat([open(), Buffer.from(',"rows":[')])
        let isFirst = true
        for (let offset = 0; offset < total; offset += chunk) {
          const rows = await rowsAt(offset)
          if (rows.length <= 2) continue // []
          if (!isFirst) yield Buffer.from(',')
          isFirst = false
          yield rows.subarray(1, -1)
        }
        yield Buffer.from(']}')
      }
      return Readable.from(json(), { objectMode: false })
    },
    /** The page of `chunk` rows from `offset` (a multiple of `chunk`), as directiveMatrix answers it. */
    async page(offset: number): Promise<Readable> {
      const rows = offset < total ? await rowsAt(offset) : Buffer.from('[]')
      const page = JSON.stringify({ offset, limit: chunk, total })
      return Readable.from([open(), Buffer.from(',"rows":'), rows, Buffer.from(`,"page":${page}}`)], { objectMode: false })
    },
  }
}
