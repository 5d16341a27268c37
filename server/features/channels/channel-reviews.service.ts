// A channel's security review: the five checks, what was found and what will be done about it.
// Recording one moves the channel's next review one cycle on from the review's day.
import { REVIEW_CHECKS, type ChannelDto, type ChannelReviewInput } from '../../../contract/channels.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { channelInScope } from './channels.access.ts'
import { CHANNEL_EDIT_ROLES } from './channels.policy.ts'
import { insertReview } from './channels.queries.ts'
import { channelDetail, type ChannelDeps } from './channels.service.ts'

/** Records a review of an active channel (Idempotency-Key honoured); a failed check needs findings and a follow-up action. */
export async function recordReview(deps: ChannelDeps, user: CurrentUser, actor: Actor, channelId: number, input: ChannelReviewInput, idempotencyKey?: string): Promise<Answer<ChannelDto>> {
  const { db, rules } = deps
  const today = vnDay(actor.now)
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const c = await channelInScope(tx, user, CHANNEL_EDIT_ROLES, channelId, { forUpdate: true })
      if (c.status !== 'active') throw new AppError('INVALID_STATE')
      const issues: Record<string, FieldError> = {}
      if (input.reviewedOn > today) issues.reviewedOn = 'afterToday'
      const failed = REVIEW_CHECKS.filter((k) => !input.checks[k])
      if (failed.length && !input.findings) issues.findings = 'findingsRequired'
      if (failed.length && !input.followUpActions.length) issues.followUpActions = 'findingsRequired'
      if (Object.keys(issues).length) throw invalid(issues)
      const followUp = input.followUpActions.map(({ action, dueDate }) => ({ action, dueDate: dueDate ?? null }))
      const checks = Object.fromEntries(REVIEW_CHECKS.map((k) => [k, input.checks[k]]))
      const id = await insertReview(tx, { channelId, reviewedOn: input.reviewedOn, checks, findings: input.findings, followUp, reviewedBy: actor.id, now: actor.now })
      await recordAudit(tx, actor, { action: 'review', entity: 'channel', entityId: channelId, unitId: c.unitId, after: { reviewId: id, reviewedOn: input.reviewedOn, failed, followUp: followUp.length } })
      return channelDetail(tx, await channelInScope(tx, user, CHANNEL_EDIT_ROLES, channelId), rules, today)
    }),
  )
}
