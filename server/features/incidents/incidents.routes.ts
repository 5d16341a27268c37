import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams, idempotencyHeaders } from '../../../contract/common.ts'
import {
  closeIncidentInput, createIncidentInput, cybersecurityDto, cybersecurityQuery, incidentDto, incidentListDto, incidentListQuery, incidentRecipientsDto, incidentRegisterDto,
  incidentRegisterQuery, incidentReportInput, incidentStepInput, updateIncidentInput,
} from '../../../contract/incidents.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { channelDepsOf } from '../channels/channels.service.ts'
import { cybersecurityView } from './cybersecurity.service.ts'
import { addResponseStep, closeIncident, reportIncident } from './incident-response.service.ts'
import { CYBERSECURITY_ROLES, INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES, recipientsOf, targetsOf } from './incidents.policy.ts'
import { findIncidents, readIncident, recordIncident, updateIncident, type IncidentDeps } from './incidents.service.ts'

const tags = ['incidents']

/** Cybersecurity incidents on the units' channels and systems, and the board's view (requirement 4). */
export function incidentRoutes(fastify: FastifyInstance, { db, clock, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const deps: IncidentDeps = { db, targets: targetsOf(config), recipients: recipientsOf(config) }
  const channels = channelDepsOf(db, config)
  const readers = requireUser(INCIDENT_READ_ROLES)
  const editors = requireUser(INCIDENT_EDIT_ROLES)

  app.get('/api/v1/incidents', { onRequest: readers, schema: { tags, summary: 'Incidents in my scope (or under a unit), with their timeliness class', querystring: incidentListQuery, response: { 200: incidentListDto } } }, async (req) => {
    const { items } = await findIncidents(deps, userOf(req), req.query, clock())
    return { items: items.map(({ id, unitId, kind, detectedAt, status, timeliness }) => ({ id, unitId, kind, detectedAt, status, timeliness })) }
  })

  app.get('/api/v1/incidents/register', { onRequest: readers, schema: { tags, summary: 'Incidents with their times to report and to close, each against its target; paged', querystring: incidentRegisterQuery, response: { 200: incidentRegisterDto } } }, async (req) =>
    findIncidents(deps, userOf(req), req.query, clock()),
  )

  app.get('/api/v1/incidents/recipients', { onRequest: readers, schema: { tags, summary: 'To whom incidents are reported, and the targets (BVCT_INCIDENT_*)', response: { 200: incidentRecipientsDto } } }, async () => ({
    items: deps.recipients, targets: deps.targets,
  }))

  app.post('/api/v1/incidents', { onRequest: editors, schema: { tags, summary: "Record an incident on one of the unit's channels or systems (Idempotency-Key honoured)", headers: idempotencyHeaders, body: createIncidentInput, response: { 201: incidentDto } } }, async (req, res) =>
    reply(res, await recordIncident(deps, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/incidents/:id', { onRequest: readers, schema: { tags, summary: 'An incident with its reports, response steps and times', params: idParams, response: { 200: incidentDto } } }, async (req) =>
    readIncident(deps, userOf(req), req.params.id, clock()),
  )

  app.patch('/api/v1/incidents/:id', { onRequest: editors, schema: { tags, summary: 'While open: kind, channel or system, summary, detection time; 409 on a stale version', params: idParams, body: updateIncidentInput, response: { 200: incidentDto } } }, async (req) =>
    updateIncident(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/incidents/:id/reports', { onRequest: editors, schema: { tags, summary: 'Record to whom it was reported and when (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: incidentReportInput, response: { 201: incidentDto } } }, async (req, res) =>
    reply(res, await reportIncident(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.post('/api/v1/incidents/:id/steps', { onRequest: editors, schema: { tags, summary: 'Record a response step with its time (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: incidentStepInput, response: { 201: incidentDto } } }, async (req, res) =>
    reply(res, await addResponseStep(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.post('/api/v1/incidents/:id/close', { onRequest: editors, schema: { tags, summary: 'Close with the lessons learned', params: idParams, body: closeIncidentInput, response: { 200: incidentDto } } }, async (req) =>
    closeIncident(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/cybersecurity', { onRequest: requireUser(CYBERSECURITY_ROLES), schema: { tags, summary: "The board's view: channels by status and incidents with their times, per unit subtree", querystring: cybersecurityQuery, response: { 200: cybersecurityDto } } }, async (req) =>
    cybersecurityView({ channels, incidents: deps }, userOf(req), req.query, clock()),
  )
}
