import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams } from '../../../contract/common.ts'
import { DASHBOARD_ROLES } from '../../../contract/dashboard.ts'
import { markReadDto, notificationListDto, notificationListQuery, notificationSettingsDto, notificationSettingsInput, overdueListDto, overdueQuery } from '../../../contract/notifications.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { listNotifications } from './notifications.queries.ts'
import { markAllRead, markOneRead } from './notifications.service.ts'
import { listOverdue } from './overdue.queries.ts'
import { readSettings, saveSettings } from './settings.service.ts'

const tags = ['notifications']

export function notificationRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const signedIn = requireUser()

  app.get('/api/v1/notifications', { onRequest: signedIn, schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: notificationListQuery, response: { 200: notificationListDto } } }, async (req) =>
    listNotifications(db, userOf(req).id, { unreadOnly: req.query.unreadOnly === '1', limit: req.query.limit }),
  )

  app.post('/api/v1/notifications/:id/read', { onRequest: signedIn, schema: { tags, params: idParams, response: { 200: markReadDto } } }, async (req) => ({
    updated: await markOneRead(db, userOf(req).id, req.params.id, clock()),
  }))

  app.post('/api/v1/notifications/read-all', { onRequest: signedIn, schema: { tags, response: { 200: markReadDto } } }, async (req) => ({
    updated: await markAllRead(db, userOf(req).id, clock()),
  }))

  app.get('/api/v1/me/notification-settings', { onRequest: signedIn, schema: { tags, summary: 'My notification settings: e-mail per kind and the language of e-mails', response: { 200: notificationSettingsDto } } }, async (req) =>
    readSettings(db, userOf(req).id),
  )

  app.put('/api/v1/me/notification-settings', { onRequest: signedIn, schema: { tags, summary: 'Change my notification settings (kinds left out keep theirs)', body: notificationSettingsInput, response: { 200: notificationSettingsDto } } }, async (req) =>
    saveSettings(db, userOf(req).id, req.body, clock()),
  )

  app.get('/api/v1/overdue', { onRequest: requireUser(DASHBOARD_ROLES), schema: { tags, summary: 'Everything overdue in scope on a day (default today)', querystring: overdueQuery, response: { 200: overdueListDto } } }, async (req) => ({
    items: await listOverdue(db, req.query.asOf ?? today(clock), scopePaths(userOf(req), DASHBOARD_ROLES)),
  }))
}
