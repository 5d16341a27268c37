// The review cycle, in one place: when a channel's next security review falls due and where it
// stands today. SQL applies the same rule (channels.queries.ts NEXT_REVIEW_DUE), pinned equal to
// these functions by channel-reviews.test.ts.
import { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES, type ReviewStatus } from '../../../contract/channels.ts'
import type { Config } from '../../config.ts'
import { addDays, addMonths } from '../../lib/dates.ts'

export { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES }

export interface ReviewRules {
  /** Months between reviews when the channel sets none (BVCT_CHANNEL_REVIEW_MONTHS). */
  defaultMonths: number
  /** A channel never reviewed is due this many days after registration. */
  firstReviewDays: number
  /** "Due soon" from this many days before the due date: the first reminder's. */
  soonDays: number
  /** Reminder offsets from the due date (negative before, 0 on the day, positive after). */
  reminders: number[]
}

export function reviewRulesOf(config: Pick<Config, 'channelReviewMonths' | 'channelFirstReviewDays' | 'channelReviewReminders'>): ReviewRules {
  const before = config.channelReviewReminders.filter((d) => d < 0)
  return {
    defaultMonths: config.channelReviewMonths,
    firstReviewDays: config.channelFirstReviewDays,
    soonDays: before.length ? -Math.min(...before) : 0,
    reminders: config.channelReviewReminders,
  }
}

export interface ReviewClock {
  status: 'active' | 'retired'
  registeredOn: string
  lastReviewedOn: string | null
  /** The channel's own cycle, or null for the default. */
  reviewCycleMonths: number | null
}

export const cycleMonths = (c: Pick<ReviewClock, 'reviewCycleMonths'>, rules: ReviewRules) => c.reviewCycleMonths ?? rules.defaultMonths

/** One cycle after the last review; a channel never reviewed, `firstReviewDays` after registration. Null once retired. */
export function nextReviewDue(c: ReviewClock, rules: ReviewRules): string | null {
  if (c.status === 'retired') return null
  return c.lastReviewedOn ? addMonths(c.lastReviewedOn, cycleMonths(c, rules)) : addDays(c.registeredOn, rules.firstReviewDays)
}

/** Overdue the day after the due date; due soon from the first reminder on; current before that. */
export function reviewStatusOn(c: ReviewClock, rules: ReviewRules, today: string): ReviewStatus {
  const due = nextReviewDue(c, rules)
  if (!due) return 'retired'
  if (today > due) return 'overdue'
  return today >= addDays(due, -rules.soonDays) ? 'due_soon' : 'current'
}
