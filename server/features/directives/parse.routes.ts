import type { FastifyInstance } from 'fastify'
import multipart from '@fastify/multipart'
import { parseDirectiveTextInput } from '../../../contract/directive-parse.ts'
import type { AppDeps } from '../../app.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { requireUser } from '../../http/guard.ts'
import { parse } from '../../http/validate.ts'
import { ParseInputError, parseDirectiveFile, parseDirectiveText } from './parse/index.ts'
import { DIRECTIVE_MANAGE_ROLES } from './directives.policy.ts'

const MAX_UPLOAD = 20 * 1024 * 1024

/**
 * POST /api/v1/directives/parse: pasted text as JSON `{"text"}`, or an uploaded .txt/.docx/.pdf as
 * multipart. Proposes the directive's parts for a person to confirm; saves nothing.
 */
export function directiveParseRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const managers = requireUser(db, clock, DIRECTIVE_MANAGE_ROLES)
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 2 } })
    scope.post('/api/v1/directives/parse', { preHandler: managers }, async (req) => {
      if (!req.isMultipart()) return parseDirectiveText(parse(parseDirectiveTextInput, req.body).text)
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer().catch((e) => {
        if (e?.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('BODY_TOO_LARGE')
        throw e
      })
      try {
        return await parseDirectiveFile(bytes, file.filename, file.mimetype)
      } catch (e) {
        if (e instanceof ParseInputError) throw new AppError(e.code)
        throw e
      }
    })
  })
}
