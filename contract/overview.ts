// The committee's one-page overview (issue 14, points 5-6): for the caller's scope, one line per
// seed requirement 1..9 with the indicators BVCT already knows, each with its trend over the last
// 12 months (nightly snapshots) and a drill-down to the units behind it, worst first. An indicator
// whose feature has not landed says `tracked: false` with every figure null, never a made-up zero.
import { z } from 'zod'
import { label, queryId } from './common.ts'
import type { Role } from './roles.ts'

/** Leaders over their scope: the committee, the board, a unit's head over its subtree, auditors. */
export const OVERVIEW_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'auditor']

/**
 * Every indicator, in the page's order, with its seed requirement. `share`: numerator ÷ denominator
 * (0..1, null with nothing to divide); `count`: a count, the numerator, with no denominator.
 */
export const INDICATORS = [
  { key: 'directives_acknowledged_on_time', requirement: 1, kind: 'share', page: '/directives' },
  { key: 'dissemination_coverage', requirement: 2, kind: 'share', page: '/directives' },
  { key: 'key_positions_vetted', requirement: 3, kind: 'share', page: '/positions' },
  { key: 'channels_reviewed_on_time', requirement: 4, kind: 'share', page: '/channels' },
  { key: 'channels_two_factor', requirement: 4, kind: 'share', page: '/channels' },
  { key: 'incidents_open', requirement: 4, kind: 'count', page: '/incidents' },
  { key: 'standards_reviews_on_time', requirement: 5, kind: 'share', page: '/cases' },
  { key: 'inspections_done', requirement: 6, kind: 'share', page: '/inspections' },
  { key: 'corrective_actions_on_time', requirement: 6, kind: 'share', page: '/inspections' },
  { key: 'units_with_trained_officer', requirement: 7, kind: 'share', page: '/officers' },
  { key: 'self_inspections_done', requirement: 8, kind: 'share', page: '/inspections' },
  { key: 'reports_on_time', requirement: 9, kind: 'share', page: '/reports' },
  { key: 'violation_cases_open', requirement: 9, kind: 'count', page: '/cases' },
] as const
export type IndicatorKey = (typeof INDICATORS)[number]['key']
export const INDICATOR_KEYS = INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]]
export type IndicatorKind = 'share' | 'count'

export const INDICATOR_LABELS: Record<IndicatorKey, { vi: string; en: string }> = {
  directives_acknowledged_on_time: { vi: 'Văn bản được tiếp nhận đúng hạn', en: 'Directives acknowledged on time' },
  dissemination_coverage: { vi: 'Tỷ lệ cán bộ được quán triệt văn bản đang thực hiện', en: 'Dissemination coverage of directives in force' },
  key_positions_vetted: { vi: 'Vị trí trọng yếu có kết luận tiêu chuẩn chính trị còn hiệu lực', en: 'Key positions with current vetting' },
  channels_reviewed_on_time: { vi: 'Kênh chính thức được rà soát an ninh đúng chu kỳ', en: 'Official channels reviewed on time' },
  channels_two_factor: { vi: 'Kênh chính thức mà mọi người quản trị bật xác thực hai lớp', en: 'Official channels with two-factor sign-in for every admin' },
  incidents_open: { vi: 'Sự cố an ninh mạng đang xử lý', en: 'Open cybersecurity incidents' },
  standards_reviews_on_time: { vi: 'Thẩm định tiêu chuẩn chính trị đúng hạn', en: 'Standards reviews on time' },
  inspections_done: { vi: 'Cuộc kiểm tra đã thực hiện so với kế hoạch năm', en: "Inspections done against this year's plan" },
  corrective_actions_on_time: { vi: 'Biện pháp khắc phục hoàn thành đúng hạn', en: 'Corrective actions closed on time' },
  units_with_trained_officer: { vi: 'Đơn vị có cán bộ làm công tác BVCTNB được bồi dưỡng còn hiệu lực', en: 'Units with a currently trained officer' },
  self_inspections_done: { vi: 'Tự kiểm tra đã hoàn thành', en: 'Self-inspections done' },
  reports_on_time: { vi: 'Báo cáo gửi đúng hạn', en: 'Reports on time' },
  violation_cases_open: { vi: 'Vụ việc vi phạm đang xử lý (chỉ số lượng)', en: 'Open violation cases (count only)' },
}

export const REQUIREMENT_LABELS: Record<number, { vi: string; en: string }> = {
  1: { vi: 'Tiếp nhận, triển khai văn bản chỉ đạo', en: 'Receiving and acting on directives' },
  2: { vi: 'Quán triệt, phổ biến', en: 'Dissemination' },
  3: { vi: 'Bảo vệ vị trí trọng yếu', en: 'Key positions' },
  4: { vi: 'Thông tin, truyền thông và an ninh mạng', en: 'Official channels and cybersecurity' },
  5: { vi: 'Thẩm định tiêu chuẩn chính trị', en: 'Political standards reviews' },
  6: { vi: 'Kiểm tra, giám sát và khắc phục', en: 'Inspection and corrective action' },
  7: { vi: 'Cán bộ làm công tác BVCTNB', en: 'Internal-protection officers and training' },
  8: { vi: 'Tự kiểm tra', en: 'Self-inspection' },
  9: { vi: 'Báo cáo và xử lý vi phạm', en: 'Reporting and violation cases' },
}

/** `under`: a unit in the caller's scope (its subtree); without it, the caller's whole scope. */
export const overviewQuery = z.strictObject({ under: queryId.optional() })
export const indicatorParams = z.strictObject({ key: z.enum(INDICATOR_KEYS) })

const figures = {
  /** share: numerator ÷ denominator, 0..1; count: the count. null when not tracked or nothing to divide. */
  value: z.number().nullable(),
  numerator: z.number().int().nullable(),
  /** null for a count, and when not tracked. */
  denominator: z.number().int().nullable(),
}

export const indicatorDto = z.object({
  requirement: z.number().int().min(1).max(9),
  key: z.enum(INDICATOR_KEYS),
  label,
  kind: z.enum(['share', 'count']),
  ...figures,
  /** false: the feature behind it has not landed; every figure null, the trend empty. */
  tracked: z.boolean(),
  /** The last 12 months, oldest first, from the nightly snapshots; the month in progress as of now. */
  trend: z.array(z.object({ month: z.string().describe('YYYY-MM'), value: z.number().nullable() })),
  /** The web page where the work behind the indicator is done. */
  page: z.string(),
})
export type IndicatorDto = z.infer<typeof indicatorDto>

export const overviewDto = z.object({
  asOf: z.string(),
  /** The unit asked about, or null for the caller's whole scope. */
  unitId: z.number().int().nullable(),
  indicators: z.array(indicatorDto),
})
export type OverviewDto = z.infer<typeof overviewDto>

/** One indicator over each unit below `under` (or each top unit of the caller's scope), worst first. */
export const indicatorUnitsDto = z.object({
  key: z.enum(INDICATOR_KEYS),
  label,
  kind: z.enum(['share', 'count']),
  tracked: z.boolean(),
  page: z.string(),
  items: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), unitCode: z.string(), hasChildren: z.boolean(), ...figures })),
})
export type IndicatorUnitsDto = z.infer<typeof indicatorUnitsDto>
