import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { fileUpload, streamed } from '../../../contract/common.ts'
import { parseDirectiveTextInput, parsedDirective, type ParseInputErrorCode, type ParsedDirective } from '../../../contract/directive-parse.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { requireUser } from '../../http/guard.ts'
import { parse } from '../../http/validate.ts'
import { FileTaskError, fileWorkers } from '../../lib/file-worker.ts'
import { parseUpload } from '../../lib/file-worker-errors.ts'
import { UPLOAD_LIMIT_MESSAGES } from '../../lib/upload-limits.ts'
import { DIRECTIVE_MANAGE_ROLES } from './directives.policy.ts'
import { OCR_LIMITS } from './parse/ocr.ts'

const MAX_UPLOAD = 20 * 1024 * 1024
// Run in the file worker pool: an uploaded file is never unpacked or parsed on the server's own
// thread, nor is pasted text (the parser takes about 6 s for the 1 M characters a paste may have).
const PARSE_FILE = new URL('./parse/parse-file.ts', import.meta.url)
const PARSE_TEXT = new URL('./parse/parse-text.ts', import.meta.url)
// A pasted letter as JSON, or an uploaded file as multipart.
const textOrFile = streamed(parseDirectiveTextInput.or(fileUpload))
// OCR waits on Tesseract for seconds a page: its own time limit (the worker's is the backstop, so
// a bit longer), and one scan at a time, so the other worker stays free for text files.
const OCR_TIMEOUT_MS = (OCR_LIMITS.totalSeconds + 15) * 1000
const OCR_QUEUE = 4
let ocrRunning: Promise<unknown> = Promise.resolve()
let ocrWaiting = 0

/**
 * POST /api/v1/directives/parse: pasted text as JSON `{"text"}`, or an uploaded .txt/.docx/.pdf or
 * scanned image (PNG, JPEG, TIFF) as multipart. Proposes the directive's parts for a person to
 * confirm; saves nothing. A file is first read without OCR; a scan (an image, or a PDF without a
 * text layer) is then read again with OCR, under OCR's longer time limit.
 */
export function directiveParseRoutes(fastify: FastifyInstance, _deps: AppDeps) {
  fastify.addHook('onClose', () => fileWorkers.close())
  fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/directives/parse', {
      onRequest: requireUser(DIRECTIVE_MANAGE_ROLES),
      schema: {
        tags: ['directives'], summary: 'Propose a letter’s parts from pasted text, a .txt/.docx/.pdf file or a scanned image (OCR); saves nothing',
        consumes: ['application/json', 'multipart/form-data'], body: textOrFile, response: { 200: parsedDirective },
      },
    }, async (req) => {
      if (!req.isMultipart()) {
        const text = parse(parseDirectiveTextInput, req.body).text
        return { ...(await parseInWorker(PARSE_TEXT, 'parseDirectiveText', [text], 'text')), source: { kind: 'text' as const } }
      }
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const args = [await file.toBuffer(), file.filename, file.mimetype]
      try {
        return await parseInWorker(PARSE_FILE, 'parseDirectiveFile', [...args, { ocr: false }], 'file')
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'NO_TEXT_LAYER')) throw e
        return withOcrSlot(() => parseInWorker(PARSE_FILE, 'parseDirectiveFile', [...args, { ocr: true }], 'file', OCR_TIMEOUT_MS))
      }
    })
  })
}

/**
 * The parser's answer from the file worker pool; why it could not read the input becomes the 4xx
 * answer, naming `field` (the upload or the pasted text) and saying why in its message.
 */
async function parseInWorker(module: URL, fn: string, args: unknown[], field: 'file' | 'text', timeoutMs?: number): Promise<ParsedDirective> {
  const fields = (code: ParseInputErrorCode) => ({ [field]: code === 'UNSUPPORTED_FILE' ? 'format' : code === 'OCR_UNAVAILABLE' ? 'ocrUnavailable' : 'fileUnreadable' } as const)
  try {
    return await parseUpload<ParsedDirective>(module, fn, args, (why) => new AppError('UNREADABLE_FILE', fields('UNREADABLE_FILE'), undefined, why), { timeoutMs })
  } catch (e) {
    // The parser says why this file cannot be read (encrypted, no text layer, a bomb): pass it on.
    if (e instanceof FileTaskError && e.remoteName === 'ParseInputError') {
      const code = e.props.code as ParseInputErrorCode
      throw new AppError(code, fields(code), undefined, { vi: e.message, en: String(e.props.en) })
    }
    throw e
  }
}

/** Runs OCR tasks one after another; with OCR_QUEUE already waiting, the server is busy (429). */
async function withOcrSlot<T>(task: () => Promise<T>): Promise<T> {
  if (ocrWaiting >= OCR_QUEUE) throw new AppError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: 60 }, UPLOAD_LIMIT_MESSAGES.busy())
  ocrWaiting++
  const turn = ocrRunning.then(() => undefined, () => undefined)
  const result = turn.then(task).finally(() => ocrWaiting--)
  ocrRunning = result
  return result
}
