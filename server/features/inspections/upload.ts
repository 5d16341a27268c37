import type { FastifyRequest } from 'fastify'
import { AppError, invalid } from '../../http/errors.ts'

/** The one file of a multipart upload (field `file`), named and non-empty; the routes check reach first. */
export async function readUpload(req: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  const file = await req.file()
  if (!file) throw invalid({ file: 'required' })
  const bytes = await file.toBuffer()
  if (!bytes.length) throw invalid({ file: 'required' })
  return { filename: file.filename.slice(0, 250), bytes }
}
