// Process latency (issue 14, point 7): how long the work waits between its steps, so the board
// sees where it waits, the board's own reviews included. Median and 90th percentile, in
// Vietnamese calendar days (the days every deadline in BVCT counts), over the caller's subtree.
import { z } from 'zod'
import { isoDay, label, queryId } from './common.ts'
import type { Role } from './roles.ts'

export const LATENCY_ROLES: readonly Role[] = ['committee', 'board', 'auditor']

/** From one step to the next; each measure says where it starts and where it ends. */
export const LATENCY_MEASURES = [
  'directive_acknowledged',
  'directive_plan_submitted',
  'directive_plan_accepted',
  'directive_completed',
  'report_accepted',
  'finding_closed',
] as const
export type LatencyMeasure = (typeof LATENCY_MEASURES)[number]

export const LATENCY_LABELS: Record<LatencyMeasure, { vi: string; en: string }> = {
  directive_acknowledged: { vi: 'Từ khi ban hành văn bản đến khi đơn vị tiếp nhận', en: 'Directive issued to acknowledged' },
  directive_plan_submitted: { vi: 'Từ khi ban hành văn bản đến khi đơn vị trình kế hoạch', en: 'Directive issued to plan submitted' },
  directive_plan_accepted: { vi: 'Từ khi ban hành văn bản đến khi kế hoạch được chấp nhận', en: 'Directive issued to plan accepted' },
  directive_completed: { vi: 'Từ khi ban hành văn bản đến khi hoàn thành mọi nhiệm vụ', en: 'Directive issued to every action done' },
  report_accepted: { vi: 'Từ khi đơn vị gửi báo cáo đến khi báo cáo được chấp nhận', en: 'Report submitted to accepted' },
  finding_closed: { vi: 'Từ phát hiện qua kiểm tra đến khi khắc phục xong', en: 'Inspection finding to corrective action closed' },
}

/** `under`: a unit in the caller's scope; `since`: only work that started on or after this day. */
export const latencyQuery = z.strictObject({ under: queryId.optional(), since: isoDay.optional() })

export const latencyMeasureDto = z.object({
  key: z.enum(LATENCY_MEASURES),
  label,
  /** false: BVCT does not record this step yet; every figure is then null ("not tracked yet"), never 0. */
  tracked: z.boolean(),
  /** Items that reached the end step. */
  count: z.number().int().nullable(),
  /** Median and 90th percentile (interpolated) of the days those items took; null without any. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Items started and still waiting today, and the longest wait among them, in days. */
  pending: z.number().int().nullable(),
  oldestPendingDays: z.number().int().nullable(),
})
export type LatencyMeasureDto = z.infer<typeof latencyMeasureDto>

export const latencyDto = z.object({ asOf: z.string(), measures: z.array(latencyMeasureDto) })
export type LatencyDto = z.infer<typeof latencyDto>
