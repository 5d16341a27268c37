// The units' own official channels (requirement 4 of the letter): a register of each unit's
// websites, pages and accounts, who administers them and how they are secured, and their periodic
// security reviews. Never a person's own account, never a password (contract/safeguards.ts).
import { z } from 'zod'
import { flag, id, isoDay, queryId, visibleText } from './common.ts'
import type { Role } from './roles.ts'
import { personalAccountReason, refusingSecrets, secretFreeText } from './safeguards.ts'

/** Who sees the register: leaders and inspectors over their scope, a unit its own. */
export const CHANNEL_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** The unit registers its channels, keeps them current and records their reviews. */
export const CHANNEL_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']

export const CHANNEL_KINDS = ['website', 'facebook_page', 'zalo_oa', 'youtube', 'tiktok', 'email_domain', 'other'] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]
export const CHANNEL_STATUSES = ['active', 'retired'] as const
/** Where a channel's security review stands today; a retired channel is reviewed no more. */
export const REVIEW_STATUSES = ['current', 'due_soon', 'overdue', 'retired'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]
export const RECOVERY_CONTACT_KINDS = ['email', 'phone', 'other'] as const
/** The review checklist; each is true when the check passed. */
export const REVIEW_CHECKS = ['adminsStillNeeded', 'twoFactorOn', 'recoveryContactsCurrent', 'postingRulesFollowed', 'noLookAlikes'] as const
export type ReviewCheck = (typeof REVIEW_CHECKS)[number]

export const CHANNEL_LABELS = {
  kind: {
    website: { vi: 'Cổng/Trang thông tin điện tử', en: 'Website' },
    facebook_page: { vi: 'Trang Facebook (fanpage)', en: 'Facebook page' },
    zalo_oa: { vi: 'Zalo Official Account', en: 'Zalo Official Account' },
    youtube: { vi: 'Kênh YouTube', en: 'YouTube channel' },
    tiktok: { vi: 'Kênh TikTok', en: 'TikTok channel' },
    email_domain: { vi: 'Tên miền thư điện tử', en: 'E-mail domain' },
    other: { vi: 'Kênh chính thức khác', en: 'Other official channel' },
  },
  reviewStatus: {
    current: { vi: 'Đã rà soát, còn trong chu kỳ', en: 'Reviewed, within its cycle' },
    due_soon: { vi: 'Sắp đến hạn rà soát', en: 'Review due soon' },
    overdue: { vi: 'Quá hạn rà soát', en: 'Review overdue' },
    retired: { vi: 'Đã ngừng sử dụng', en: 'Retired' },
  },
  check: {
    adminsStillNeeded: { vi: 'Người quản trị đều còn cần thiết', en: 'Every administrator is still needed' },
    twoFactorOn: { vi: 'Tất cả người quản trị bật xác thực hai lớp', en: 'Every administrator uses two-factor sign-in' },
    recoveryContactsCurrent: { vi: 'Thông tin khôi phục còn đúng, do đơn vị quản lý', en: 'Recovery contacts are current and the unit’s' },
    postingRulesFollowed: { vi: 'Thực hiện đúng quy chế đăng tải thông tin', en: 'Posting rules are followed' },
    noLookAlikes: { vi: 'Không phát hiện trang, tài khoản giả mạo đơn vị', en: 'No unofficial look-alike channels found' },
  },
} as const

// ---- addresses

const PLATFORM_HOSTS: Partial<Record<ChannelKind, string[]>> = {
  facebook_page: ['facebook.com', 'fb.com', 'fb.me'],
  youtube: ['youtube.com', 'youtu.be'],
  tiktok: ['tiktok.com'],
  zalo_oa: ['zalo.me', 'oa.zalo.me'],
}
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/
const HANDLE = /^@[\p{L}\p{N}._-]{2,}$/u

/** The address without scheme, `www.`/`m.`, fragment and trailing slash, lower case: one key per channel. */
function folded(address: string) {
  return address.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^(www|m|mobile)\./, '').replace(/#.*$/, '').replace(/\/+$/, '').replace(/\/+(\?|$)/, '$1')
}
const hostOf = (address: string) => folded(address).split(/[/?]/)[0]

/**
 * Why `address` cannot be registered as an official channel of kind `kind`: a personal account
 * (contract/safeguards.ts), or not an address of that platform; null when it can.
 */
export function addressProblem(kind: ChannelKind, address: string): 'personalAccount' | 'format' | null {
  if (personalAccountReason(kind, address)) return 'personalAccount'
  const a = address.trim()
  if (/\s/.test(a)) return kind === 'other' ? null : 'format'
  const host = hostOf(a)
  switch (kind) {
    case 'website':
      return HOSTNAME.test(host) ? null : 'format'
    case 'email_domain':
      return HOSTNAME.test(a.toLowerCase().replace(/^@/, '')) ? null : 'format'
    case 'facebook_page':
      return PLATFORM_HOSTS.facebook_page!.includes(host) ? (folded(a).length > host.length + 1 ? null : 'format') : /^[a-z0-9.]{5,}$/i.test(a) ? null : 'format'
    case 'youtube':
    case 'tiktok':
      return PLATFORM_HOSTS[kind]!.includes(host) || HANDLE.test(a) ? null : 'format'
    case 'zalo_oa':
      return PLATFORM_HOSTS.zalo_oa!.includes(host) || /^\d{6,}$/.test(a) ? null : 'format'
    default:
      return null
  }
}

/** The key two registrations of the same channel share, whichever way the address was written. */
export function addressKey(kind: ChannelKind, address: string): string {
  const a = address.trim()
  if (kind === 'email_domain') return a.toLowerCase().replace(/^@/, '').replace(/\.$/, '')
  if ((kind === 'youtube' || kind === 'tiktok') && HANDLE.test(a)) return `${PLATFORM_HOSTS[kind]![0]}/${a.toLowerCase()}`
  if (kind === 'zalo_oa' && /^\d{6,}$/.test(a)) return `zalo.me/${a}`
  if (kind === 'facebook_page' && /^[a-z0-9.]{5,}$/i.test(a)) return `facebook.com/${a.toLowerCase()}`
  const f = folded(a)
  return f.replace(/^fb\.com\//, 'facebook.com/')
}

// ---- inputs

/** An administrator of the channel: a person of the unit, and whether they sign in with a second factor. */
export const channelAdminInput = refusingSecrets({ personId: id, hasTwoFactor: z.boolean() })

/** A mailbox or phone that can recover the channel; it must be the unit's, not a person's own. */
export const recoveryContactInput = refusingSecrets({
  kind: z.enum(RECOVERY_CONTACT_KINDS),
  value: secretFreeText(200, 3),
  note: secretFreeText(500).default(''),
})

const channelFields = {
  name: visibleText(2, 300),
  /** A URL, a handle or a domain, as the platform shows it; checked against the kind (format, personal accounts). */
  address: secretFreeText(500, 3),
  purpose: secretFreeText(2000),
  /** A person of the unit (or a sub-unit) answerable for the channel. */
  responsiblePersonId: id,
  admins: z.array(channelAdminInput).max(50),
  recoveryContacts: z.array(recoveryContactInput).max(20),
  /** Months between reviews for this channel; null: the configured default. */
  reviewCycleMonths: z.number().int().min(1).max(36).nullable(),
}

export const createChannelInput = refusingSecrets({
  unitId: id,
  kind: z.enum(CHANNEL_KINDS),
  ...channelFields,
  purpose: channelFields.purpose.default(''),
  admins: channelFields.admins.default([]),
  recoveryContacts: channelFields.recoveryContacts.default([]),
  reviewCycleMonths: channelFields.reviewCycleMonths.optional(),
  /** A review done before the channel came into BVCT; the next falls due one cycle after it. */
  lastReviewedOn: isoDay.optional(),
})
export type CreateChannelInput = z.output<typeof createChannelInput>

/** Only the fields sent change; `admins` and `recoveryContacts` replace the lists whole. */
export const updateChannelInput = refusingSecrets({
  version: z.number().int().positive(),
  name: channelFields.name.optional(),
  address: channelFields.address.optional(),
  purpose: channelFields.purpose.optional(),
  responsiblePersonId: channelFields.responsiblePersonId.optional(),
  admins: channelFields.admins.optional(),
  recoveryContacts: channelFields.recoveryContacts.optional(),
  reviewCycleMonths: channelFields.reviewCycleMonths.optional(),
})
export type UpdateChannelInput = z.output<typeof updateChannelInput>

export const retireChannelInput = refusingSecrets({ version: z.number().int().positive(), reason: secretFreeText(2000, 3) })

export const channelReviewInput = refusingSecrets({
  reviewedOn: isoDay,
  checks: refusingSecrets(Object.fromEntries(REVIEW_CHECKS.map((c) => [c, z.boolean()])) as Record<ReviewCheck, z.ZodBoolean>),
  /** Required, with at least one follow-up action, when a check failed. */
  findings: secretFreeText(5000).default(''),
  followUpActions: z.array(refusingSecrets({ action: secretFreeText(1000, 3), dueDate: isoDay.nullable().default(null) })).max(50).default([]),
})
export type ChannelReviewInput = z.output<typeof channelReviewInput>

/** `under`: a unit in the caller's scope (its subtree); without it, everything in scope. */
export const channelListQuery = z.strictObject({
  under: queryId.optional(),
  kind: z.enum(CHANNEL_KINDS).optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  /** '0': channels where some administrator (or no one) uses a second factor. */
  twoFactor: flag.optional(),
  status: z.enum(CHANNEL_STATUSES).default('active'),
})
export const channelRegisterQuery = channelListQuery.extend({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

// ---- answers

/** The public list item (issue 14's contract): exactly these fields. */
export const channelListItemDto = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  kind: z.enum(CHANNEL_KINDS),
  address: z.string(),
  /** Every administrator signs in with a second factor (false when none is recorded). */
  twoFactor: z.boolean(),
  reviewStatus: z.enum(REVIEW_STATUSES),
})
export const channelListDto = z.object({ items: z.array(channelListItemDto) })

/** A register row: what the unit's and the board's tables show. */
export const channelSummaryDto = channelListItemDto.extend({
  unitName: z.string(),
  name: z.string(),
  status: z.enum(CHANNEL_STATUSES),
  responsiblePersonId: z.number().int(),
  responsibleName: z.string(),
  adminCount: z.number().int(),
  /** The cycle in force, in months (the channel's own or the configured default). */
  reviewCycleMonths: z.number().int(),
  lastReviewedOn: z.string().nullable(),
  /** null once retired. */
  nextReviewDue: z.string().nullable(),
})
export type ChannelSummaryDto = z.infer<typeof channelSummaryDto>
export const channelRegisterDto = z.object({ items: z.array(channelSummaryDto), total: z.number().int() })

export const channelReviewDto = z.object({
  id: z.number().int(),
  reviewedOn: z.string(),
  checks: z.object(Object.fromEntries(REVIEW_CHECKS.map((c) => [c, z.boolean()])) as Record<ReviewCheck, z.ZodBoolean>),
  /** Every check passed. */
  isPassed: z.boolean(),
  findings: z.string(),
  followUpActions: z.array(z.object({ action: z.string(), dueDate: z.string().nullable() })),
  reviewedBy: z.string().nullable(),
})
export type ChannelReviewDto = z.infer<typeof channelReviewDto>

export const channelDto = channelSummaryDto.extend({
  purpose: z.string(),
  responsiblePosition: z.string(),
  admins: z.array(z.object({ personId: z.number().int(), fullName: z.string(), position: z.string(), unitId: z.number().int(), isActive: z.boolean(), hasTwoFactor: z.boolean() })),
  recoveryContacts: z.array(z.object({ kind: z.enum(RECOVERY_CONTACT_KINDS), value: z.string(), note: z.string() })),
  /** The channel's own cycle; null follows the configured default. */
  ownReviewCycleMonths: z.number().int().nullable(),
  registeredOn: z.string(),
  retiredOn: z.string().nullable(),
  retiredReason: z.string().nullable(),
  /** Newest first. */
  reviews: z.array(channelReviewDto),
  version: z.number().int(),
})
export type ChannelDto = z.infer<typeof channelDto>
