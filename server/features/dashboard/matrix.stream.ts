import { Readable } from 'node:stream'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import type { matrixCache, ViewStamp } from './matrix.cache.ts'
import { flatMatrixChunks, type CoverageFn, type FlatChunks, type MatrixOptions } from './matrix.service.ts'

/** Rows per chunk of a streamed flat view: the web's page (web/features/dashboard/api.ts FLAT_PAGE). */
export const FLAT_CHUNK = 500

type Head = { isChunked: false } | { isChunked: true; total: number; head: FlatChunks['head'] }

/**
 * The whole plain flat view as a stream of JSON, a chunk of FLAT_CHUNK rows at a time, each chunk
 * kept in the view cache on its own (so a second request at the same epoch computes nothing).
 * The bytes are the MatrixDto directiveMatrix answers (the same rows in the same order); only the
 * key order differs (rows last). Null when the view has to be built whole (flatMatrixChunks).
 */
export async function flatMatrixStream(
  cache: ReturnType<typeof matrixCache>, stamp: ViewStamp,
  db: Queryable, user: CurrentUser, directiveId: number, opts: MatrixOptions, coverage?: CoverageFn, chunk = FLAT_CHUNK,
): Promise<Readable | null> {
  let prepared: Promise<FlatChunks | null> | undefined
  const chunks = () => (prepared ??= flatMatrixChunks(db, user, directiveId, opts, coverage))
  const headBytes = await cache.bytes(`${stamp.key}#head`, stamp.epoch, async (): Promise<Head> => {
    const c = await chunks()
    return c ? { isChunked: true, total: c.total, head: c.head } : { isChunked: false }
  })
  const h = JSON.parse(headBytes.toString('utf8')) as Head
  if (!h.isChunked) return null

  async function* json() {
    yield Buffer.from(JSON.stringify(h.isChunked && h.head).slice(0, -1) + ',"rows":[')
    let isFirst = true
    for (let offset = 0; offset < (h.isChunked ? h.total : 0); offset += chunk) {
      const rows = await cache.bytes(`${stamp.key}#rows@${offset}+${chunk}`, stamp.epoch, async () => (await chunks())!.rows(offset, chunk))
      if (rows.length <= 2) continue // []
      if (!isFirst) yield Buffer.from(',')
      isFirst = false
      yield rows.subarray(1, -1)
    }
    yield Buffer.from(']}')
  }
  return Readable.from(json(), { objectMode: false })
}
