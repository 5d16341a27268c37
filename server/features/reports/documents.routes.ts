import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { notFound } from '../../http/errors.ts'
import { requireUser } from '../../http/guard.ts'
import { canReach } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { today } from '../../lib/dates.ts'
import { findUnit } from '../units/units.queries.ts'
import { consolidatedInput, unitReportInput } from './consolidated.ts'
import { findPeriod } from './periods.queries.ts'
import { REPORT_READ_ROLES, REPORT_REVIEW_ROLES } from './reports.policy.ts'
import { findReport } from './reports.queries.ts'
import { reportScope } from './reports.service.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const underQuery = z.strictObject({ under: z.coerce.number().int().positive().optional(), asOf: z.iso.date().optional() })

const download = (reply: FastifyReply, type: string, name: string, file: Buffer) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(file)

/**
 * The consolidated report (board and committee) and each unit's own export, in the Party format.
 * Each builder is imported by its route's first request: they pull in docx and exceljs (~40 MB
 * resident together), which a server nobody exports from should not carry.
 */
export function reportDocumentRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const reviewers = requireUser(db, clock, REPORT_REVIEW_ROLES)

  const consolidated = async (req: any) => {
    const { id } = parse(idParam, req.params)
    const q = parse(underQuery, req.query)
    const period = await findPeriod(db, id)
    if (!period || !canReach(req.user, REPORT_REVIEW_ROLES, period.ownerPath)) throw notFound()
    let underPath: string | undefined
    if (q.under) {
      const u = await findUnit(db, q.under)
      if (!u || !canReach(req.user, REPORT_REVIEW_ROLES, u.path)) throw notFound()
      underPath = u.path
    }
    return { period, input: await consolidatedInput(db, period, { underPath, asOf: q.asOf ?? today(clock) }) }
  }

  app.get('/api/v1/report-periods/:id/consolidated.docx', { preHandler: reviewers }, async (req, reply) => {
    const { period, input } = await consolidated(req)
    const { consolidatedReportDocx } = await import('./documents/consolidated.docx.ts')
    return download(reply, DOCX, `bao-cao-tong-hop-ky-${period.id}.docx`, await consolidatedReportDocx(input))
  })

  app.get('/api/v1/report-periods/:id/consolidated.xlsx', { preHandler: reviewers }, async (req, reply) => {
    const { period, input } = await consolidated(req)
    const { consolidatedFiguresXlsx } = await import('./documents/consolidated.xlsx.ts')
    return download(reply, XLSX, `so-lieu-tong-hop-ky-${period.id}.xlsx`, await consolidatedFiguresXlsx(input))
  })

  app.get('/api/v1/reports/:id/export.docx', { preHandler: requireUser(db, clock, REPORT_READ_ROLES) }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const r = await findReport(db, id)
    if (!r) throw notFound()
    const { period } = await reportScope(db, req.user!, REPORT_READ_ROLES, r.periodId, r.unitId)
    const input = await unitReportInput(db, period, r.unitId, today(clock))
    const { unitReportDocx } = await import('./documents/unit-report.docx.ts')
    return download(reply, DOCX, `bao-cao-${r.unitId}-ky-${period.id}.docx`, await unitReportDocx(input))
  })
}
