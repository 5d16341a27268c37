import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MIME, fileResponse, idParams } from '../../../contract/common.ts'
import type { FiguresBasis } from '../../../contract/report-documents.ts'
import { consolidatedQuery } from '../../../contract/reports.ts'
import type { AppDeps } from '../../deps.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { today } from '../../lib/dates.ts'
import { documentWorkers } from '../../lib/file-worker.ts'
import { documentBuilds } from '../../lib/semaphore.ts'
import { unitInScope } from '../units/units.access.ts'
import { consolidatedInput, unitReportInput } from './consolidated.ts'
import { managedPeriod, reportInScope } from './reports.access.ts'
import { REPORT_READ_ROLES, REPORT_REVIEW_ROLES } from './reports.policy.ts'

const tags = ['reports']

const download = (reply: FastifyReply, type: string, name: string, file: Buffer) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(file)

/**
 * A builder of ./documents run on the document thread (documentWorkers): its heap is not the
 * server's. The input crosses as a structured clone, the file comes back as bytes.
 */
async function onDocumentThread(module: string, fn: string, input: unknown): Promise<Buffer> {
  const bytes = await documentWorkers.run<Uint8Array>(new URL(module, import.meta.url), fn, [input])
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * The consolidated report (board and committee) and each unit's own export, in the Party format.
 * The consolidated builders run on the document thread; the unit's own (one unit: small) is
 * imported by its route's first request: docx and exceljs are ~40 MB resident together, which a
 * server nobody exports from should not carry.
 */
export function reportDocumentRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const reviewers = requireUser(REPORT_REVIEW_ROLES)

  // Access is checked before waiting for a place among the document builds; the figures are read inside it.
  const consolidated = async (user: CurrentUser, id: number, q: { under?: number; asOf?: string; basis: FiguresBasis }) => {
    const period = await managedPeriod(db, user, id, REPORT_REVIEW_ROLES)
    const underPath = q.under ? (await unitInScope(db, user, REPORT_REVIEW_ROLES, q.under)).path : undefined
    return { period, input: () => consolidatedInput(db, period, { underPath, asOf: q.asOf ?? today(clock), basis: q.basis }) }
  }

  app.get('/api/v1/report-periods/:id/consolidated.docx', { onRequest: reviewers, schema: { tags, summary: 'The consolidated report (.docx, Guidance 36 layout)', params: idParams, querystring: consolidatedQuery, response: { 200: fileResponse(MIME.docx, 'Word document') } } }, async (req, reply) => {
    const { period, input } = await consolidated(userOf(req), req.params.id, req.query)
    const file = await documentBuilds.run(async () => onDocumentThread('./documents/consolidated.docx.ts', 'consolidatedReportDocx', await input()))
    return download(reply, MIME.docx, `bao-cao-tong-hop-ky-${period.id}.docx`, file)
  })

  app.get('/api/v1/report-periods/:id/consolidated.xlsx', { onRequest: reviewers, schema: { tags, summary: 'Every unit’s figures for the period (.xlsx)', params: idParams, querystring: consolidatedQuery, response: { 200: fileResponse(MIME.xlsx, 'Spreadsheet') } } }, async (req, reply) => {
    const { period, input } = await consolidated(userOf(req), req.params.id, req.query)
    const file = await documentBuilds.run(async () => onDocumentThread('./documents/consolidated.xlsx.ts', 'consolidatedFiguresXlsx', await input()))
    return download(reply, MIME.xlsx, `so-lieu-tong-hop-ky-${period.id}.xlsx`, file)
  })

  app.get('/api/v1/reports/:id/export.docx', { onRequest: requireUser(REPORT_READ_ROLES), schema: { tags, summary: "A unit's own report (.docx)", params: idParams, response: { 200: fileResponse(MIME.docx, 'Word document') } } }, async (req, reply) => {
    const { report, period } = await reportInScope(db, userOf(req), REPORT_READ_ROLES, req.params.id)
    const { unitReportDocx } = await import('./documents/unit-report.docx.ts')
    const file = await documentBuilds.run(async () => unitReportDocx(await unitReportInput(db, period, report.unitId, today(clock))))
    return download(reply, MIME.docx, `bao-cao-${report.unitId}-ky-${period.id}.docx`, file)
  })
}
