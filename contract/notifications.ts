// In-app notifications (the bell) and the overdue worklist.
import { z } from 'zod'
import { isoDay } from './common.ts'
import { EMAIL_KINDS } from './notification-texts.ts'

export const notificationDto = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the web app to open, e.g. /directives/12. */
  link: z.string().nullable(),
  /** For kinds rendered in the reader's language (notification-texts.ts): title and body are the Vietnamese fallback. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type NotificationDto = z.infer<typeof notificationDto>

export const notificationListDto = z.object({ unread: z.number().int(), items: z.array(notificationDto) })
export type NotificationListDto = z.infer<typeof notificationListDto>

export const notificationListQuery = z.strictObject({
  unreadOnly: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** How many notifications a call marked read. */
export const markReadDto = z.object({ updated: z.number().int() })

export const OVERDUE_KINDS = ['acknowledgement', 'plan', 'action'] as const

export const overdueItemDto = z.object({
  kind: z.enum(OVERDUE_KINDS),
  directiveId: z.number().int(),
  directiveNumber: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  dueDate: z.string(),
  actionId: z.number().int().nullable(),
  title: z.string(),
})
export type OverdueItemDto = z.infer<typeof overdueItemDto>
export const overdueListDto = z.object({ items: z.array(overdueItemDto) })
export const overdueQuery = z.strictObject({ asOf: isoDay.optional() })

/** Someone's own notification settings: e-mail per kind (on unless turned off) and the e-mails' language. */
export const notificationSettingsDto = z.object({
  mailLanguage: z.enum(['vi', 'en']),
  /** Whether the account has an e-mail address at all (on the person record): without one nothing is sent. */
  hasEmail: z.boolean(),
  kinds: z.array(z.object({ kind: z.enum(EMAIL_KINDS), email: z.boolean() })),
})
export type NotificationSettingsDto = z.infer<typeof notificationSettingsDto>

export const notificationSettingsInput = z.strictObject({
  mailLanguage: z.enum(['vi', 'en']).optional(),
  kinds: z.array(z.strictObject({ kind: z.enum(EMAIL_KINDS), email: z.boolean() })).max(EMAIL_KINDS.length).optional(),
})
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInput>
