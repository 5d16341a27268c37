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
import { DIRECTIVE_MANAGE_ROLES } from './directives.policy.ts'

const MAX_UPLOAD = 20 * 1024 * 1024
// Run in the file worker pool: an uploaded file is never unpacked or parsed on the server's own
// thread, nor is pasted text (the parser takes about 6 s for the 1 M characters a paste may have).
const PARSE_FILE = new URL('./parse/parse-file.ts', import.meta.url)
const PARSE_TEXT = new URL('./parse/parse-text.ts', import.meta.url)
// A pasted letter as JSON, or an uploaded file as multipart.
const textOrFile = streamed(parseDirectiveTextInput.or(fileUpload))

/**
 * POST /api/v1/directives/parse: pasted text as JSON `{"text"}`, or an uploaded .txt/.docx/.pdf as
 * multipart. Proposes the directive's parts for a person to confirm; saves nothing.
 */
export function directiveParseRoutes(fastify: FastifyInstance, _deps: AppDeps) {
  fastify.addHook('onClose', () => fileWorkers.close())
  fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/directives/parse', {
      onRequest: requireUser(DIRECTIVE_MANAGE_ROLES),
      schema: {
        tags: ['directives'], summary: 'Propose a letter’s parts from pasted text or a .txt/.docx/.pdf file; saves nothing',
        consumes: ['application/json', 'multipart/form-data'], body: textOrFile, response: { 200: parsedDirective },
      },
    }, async (req) => {
      if (!req.isMultipart()) return parseInWorker(PARSE_TEXT, 'parseDirectiveText', [parse(parseDirectiveTextInput, req.body).text], 'text')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      return parseInWorker(PARSE_FILE, 'parseDirectiveFile', [await file.toBuffer(), file.filename, file.mimetype], 'file')
    })
  })
}

/**
 * The parser's answer from the file worker pool; why it could not read the input becomes the 4xx
 * answer, naming `field` (the upload or the pasted text) and saying why in its message.
 */
async function parseInWorker(module: URL, fn: string, args: unknown[], field: 'file' | 'text'): Promise<ParsedDirective> {
  const fields = (code: ParseInputErrorCode) => ({ [field]: code === 'UNSUPPORTED_FILE' ? 'format' : 'fileUnreadable' } as const)
  try {
    return await parseUpload<ParsedDirective>(module, fn, args, (why) => new AppError('UNREADABLE_FILE', fields('UNREADABLE_FILE'), undefined, why))
  } catch (e) {
    // The parser says why this file cannot be read (encrypted, no text layer, a bomb): pass it on.
    if (e instanceof FileTaskError && e.remoteName === 'ParseInputError') {
      const code = e.props.code as ParseInputErrorCode
      throw new AppError(code, fields(code), undefined, { vi: e.message, en: String(e.props.en) })
    }
    throw e
  }
}
