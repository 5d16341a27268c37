import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { fileUpload, streamed } from '../../../contract/common.ts'
import { parseDirectiveTextInput, parsedDirective } from '../../../contract/directive-parse.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { requireUser } from '../../http/guard.ts'
import { parse } from '../../http/validate.ts'
import { ParseInputError, parseDirectiveFile, parseDirectiveText } from './parse/index.ts'
import { DIRECTIVE_MANAGE_ROLES } from './directives.policy.ts'

const MAX_UPLOAD = 20 * 1024 * 1024
// A pasted letter as JSON, or an uploaded file as multipart.
const textOrFile = streamed(parseDirectiveTextInput.or(fileUpload))

/**
 * POST /api/v1/directives/parse: pasted text as JSON `{"text"}`, or an uploaded .txt/.docx/.pdf as
 * multipart. Proposes the directive's parts for a person to confirm; saves nothing.
 */
export function directiveParseRoutes(fastify: FastifyInstance, _deps: AppDeps) {
  fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/directives/parse', {
      onRequest: requireUser(DIRECTIVE_MANAGE_ROLES),
      schema: {
        tags: ['directives'], summary: 'Propose a letter’s parts from pasted text or a .txt/.docx/.pdf file; saves nothing',
        consumes: ['application/json', 'multipart/form-data'], body: textOrFile, response: { 200: parsedDirective },
      },
    }, async (req) => {
      if (!req.isMultipart()) return parseDirectiveText(parse(parseDirectiveTextInput, req.body).text)
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer()
      try {
        return await parseDirectiveFile(bytes, file.filename, file.mimetype)
      } catch (e) {
        // The parser says why this file cannot be read (encrypted, no text layer, not a .docx inside): pass it on.
        if (e instanceof ParseInputError) throw new AppError(e.code, undefined, undefined, { vi: e.message, en: e.en })
        throw e
      }
    })
  })
}
