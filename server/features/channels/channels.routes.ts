import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  channelDto, channelListDto, channelListQuery, channelRegisterDto, channelRegisterQuery, channelReviewInput, createChannelInput, retireChannelInput, updateChannelInput,
} from '../../../contract/channels.ts'
import { idParams, idempotencyHeaders } from '../../../contract/common.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { today } from '../../lib/dates.ts'
import { recordReview } from './channel-reviews.service.ts'
import { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES } from './channels.policy.ts'
import { channelDepsOf, findChannels, readChannel, registerChannel, retireChannel, updateChannel } from './channels.service.ts'

const tags = ['channels']

/** The units' official channels and their security reviews (requirement 4). */
export function channelRoutes(fastify: FastifyInstance, { db, clock, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const deps = channelDepsOf(db, config)
  const readers = requireUser(CHANNEL_READ_ROLES)
  const editors = requireUser(CHANNEL_EDIT_ROLES)

  app.get('/api/v1/channels', { onRequest: readers, schema: { tags, summary: 'Official channels in my scope (or under a unit), with 2FA and review status', querystring: channelListQuery, response: { 200: channelListDto } } }, async (req) => {
    const { items } = await findChannels(deps, userOf(req), req.query, today(clock))
    return { items: items.map(({ id, unitId, kind, address, twoFactor, reviewStatus }) => ({ id, unitId, kind, address, twoFactor, reviewStatus })) }
  })

  app.get('/api/v1/channels/register', { onRequest: readers, schema: { tags, summary: 'The register: every column a unit or the board reads, paged; search by name or address', querystring: channelRegisterQuery, response: { 200: channelRegisterDto } } }, async (req) =>
    findChannels(deps, userOf(req), req.query, today(clock)),
  )

  app.post('/api/v1/channels', { onRequest: editors, schema: { tags, summary: "Register one of the unit's official channels (Idempotency-Key honoured)", headers: idempotencyHeaders, body: createChannelInput, response: { 201: channelDto } } }, async (req, res) =>
    reply(res, await registerChannel(deps, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/channels/:id', { onRequest: readers, schema: { tags, summary: 'A channel with its administrators, recovery contacts and reviews', params: idParams, response: { 200: channelDto } } }, async (req) =>
    readChannel(deps, userOf(req), req.params.id, today(clock)),
  )

  app.patch('/api/v1/channels/:id', { onRequest: editors, schema: { tags, summary: 'Change what is sent (lists replace whole); 409 on a stale version', params: idParams, body: updateChannelInput, response: { 200: channelDto } } }, async (req) =>
    updateChannel(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/channels/:id/retire', { onRequest: editors, schema: { tags, summary: 'The unit no longer runs the channel', params: idParams, body: retireChannelInput, response: { 200: channelDto } } }, async (req) =>
    retireChannel(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/channels/:id/reviews', { onRequest: editors, schema: { tags, summary: 'Record a security review (Idempotency-Key honoured); the next falls due one cycle later', params: idParams, headers: idempotencyHeaders, body: channelReviewInput, response: { 201: channelDto } } }, async (req, res) =>
    reply(res, await recordReview(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body, idempotencyKeyOf(req))),
  )
}
