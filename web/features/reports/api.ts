import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { DirectiveSummaryDto } from '../../../contract/directives.ts'
import type { claimedFiguresInput, createPeriodInput, DirectiveFigures, PERIOD_KINDS, ReportCheck, ReportSection, ReportStatus } from '../../../contract/reports.ts'
import { api, isApiError, type RequestOptions } from '../../api/client.ts'

export const REPORTS_KEY = ['reports'] as const

export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface ReportPeriod {
  id: number
  /** The board's or committee's unit that runs the period: reviewers hold a role over it. */
  ownerUnitId: number
  scopeUnitId: number
  title: string
  kind: PeriodKind
  periodFrom: string | null
  periodTo: string | null
  deadline: string
  status: 'open' | 'closed'
  remindBefore: number[]
  remindAfter: number[]
  directiveIds: number[]
  version: number
}

export interface PeriodUnit {
  unitId: number
  unitName: string
  unitCode: string
  reportId: number | null
  status: ReportStatus
  firstSubmittedAt: string | null
  submittedVersions: number
}

export interface PeriodDetail extends ReportPeriod {
  /** The units that owe a report, limited to the caller's scope unless they run the period. */
  units: PeriodUnit[]
}

export const SECTION_FIELDS = ['done', 'results', 'shortcomings', 'causes', 'proposals'] as const
export type SectionField = (typeof SECTION_FIELDS)[number]

export type ClaimedFigures = z.input<typeof claimedFiguresInput>

export interface DraftContent {
  sections: ReportSection[]
  proposals: string
  claimedFigures: ClaimedFigures[]
}

export interface ReviewComments {
  general?: string
  /** Keyed by requirementId. */
  sections?: Record<string, string>
}

export interface ReportVersionSummary {
  number: number
  submittedBy: string | null
  submittedAt: string
  reviewStatus: 'pending' | 'returned' | 'accepted'
  reviewComments: ReviewComments
  reviewedBy: string | null
  reviewedAt: string | null
  /** The checks as they stood when this version was submitted (warnings travel with it). */
  checks: ReportCheck[]
}

export interface ReportDetail {
  /** null until the first save creates the report. */
  id: number | null
  periodId: number
  unitId: number
  unitName: string
  deadline: string
  status: ReportStatus
  version: number
  draft: DraftContent
  draftUpdatedBy: string | null
  draftUpdatedAt: string | null
  /** Live while the draft is editable; the last submitted version's frozen figures otherwise. */
  figures: DirectiveFigures[]
  checks: ReportCheck[]
  versions: ReportVersionSummary[]
}

export interface SubmitAnswer extends ReportDetail {
  submitted: { number: number; isNew: boolean; checks: ReportCheck[] }
}

export interface VersionChange {
  requirementId: number | null
  label: string
  field: SectionField
  before: string
  after: string
}

export interface ReportVersionDetail extends ReportVersionSummary {
  content: DraftContent
  figures: DirectiveFigures[]
  /** Against the version before it; null for the first. */
  changes: VersionChange[] | null
}

/** What a refused save (409 CONFLICT) carries: the draft as the other person saved it. */
export interface DraftConflict {
  version: number
  draft: DraftContent
  updatedBy: string | null
  updatedAt: string | null
}

export const periodsKey = () => [...REPORTS_KEY, 'periods'] as const
export const periodKey = (id: number) => [...REPORTS_KEY, 'period', id] as const
export const reportKey = (periodId: number, unitId: number) => [...REPORTS_KEY, 'report', periodId, unitId] as const

export function usePeriods() {
  return useQuery({
    queryKey: periodsKey(),
    queryFn: async () => (await api<{ items: ReportPeriod[] }>('/report-periods')).items,
  })
}

export function usePeriod(id: number) {
  return useQuery({ queryKey: periodKey(id), queryFn: () => api<PeriodDetail>(`/report-periods/${id}`), enabled: Number.isFinite(id) })
}

/** The unit lists of several periods at once, for the counts on the periods page. */
export function usePeriodDetails(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: periodKey(id), queryFn: () => api<PeriodDetail>(`/report-periods/${id}`) })),
  })
}

/**
 * A unit's report. Read afresh each time the page opens (nothing kept once it closes); while it is
 * open, only its own saves and moves update it: the editor keeps its own copy of the text.
 */
export function useReport(periodId: number, unitId: number, enabled = true) {
  return useQuery({
    queryKey: reportKey(periodId, unitId),
    queryFn: () => api<ReportDetail>(`/report-periods/${periodId}/units/${unitId}/report`),
    staleTime: Infinity,
    gcTime: 0,
    enabled,
  })
}

export function useVersion(reportId: number | null, number: number | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'version', reportId, number],
    queryFn: () => api<ReportVersionDetail>(`/reports/${reportId}/versions/${number}`),
    enabled: !!reportId && !!number,
    staleTime: Infinity, // a submitted version never changes
  })
}

/** Issued directives the period can cover (the board's own). */
export function useIssuedDirectives(enabled = true) {
  return useQuery({
    queryKey: ['directives', 'list', { status: 'issued', limit: 200, offset: 0 }],
    queryFn: () => api<{ items: DirectiveSummaryDto[]; total: number }>('/directives', { query: { status: 'issued', limit: 200, offset: 0 } }),
    enabled,
  })
}

/** Directive numbers by id, for the periods' "covers" column. */
export function useDirectiveNames() {
  const { data } = useQuery({
    queryKey: ['directives', 'list', { limit: 200, offset: 0 }],
    queryFn: () => api<{ items: DirectiveSummaryDto[]; total: number }>('/directives', { query: { limit: 200, offset: 0 } }),
    staleTime: 5 * 60_000,
  })
  return new Map((data?.items ?? []).map((d) => [d.id, d.number ?? d.subject]))
}

// The shared client's method list predates PUT; the draft route is a PUT (a whole-draft replace).
const PUT = 'PUT' as RequestOptions['method']

export function saveDraftRequest(periodId: number, unitId: number, body: { version: number } & Omit<DraftContent, 'sections'> & { sections: Omit<ReportSection, 'directiveId' | 'label' | 'requirementText'>[] }) {
  return api<ReportDetail>(`/report-periods/${periodId}/units/${unitId}/report/draft`, { method: PUT, body })
}

/** Periods and their unit lists show report statuses: mark them stale after any change. */
function useRefreshLists() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [...REPORTS_KEY, 'periods'] }),
      qc.invalidateQueries({ queryKey: [...REPORTS_KEY, 'period'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: ['matrix'] }),
    ])
}

export type CreatePeriodInput = z.output<typeof createPeriodInput>

/** The key is made once per form, so pressing Open again after a lost answer does not open a second period. */
export function useCreatePeriod() {
  const refresh = useRefreshLists()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreatePeriodInput; idempotencyKey: string }) =>
      api<ReportPeriod>('/report-periods', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: refresh,
  })
}

export function useClosePeriod() {
  const refresh = useRefreshLists()
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<ReportPeriod>(`/report-periods/${id}/close`, { body: { version } }),
    onSettled: refresh,
  })
}

/** A lost answer is safe to ask again: the server answers a repeated submit or review of the same version like the first. */
const retryOnNetwork = (count: number, e: unknown) => isApiError(e, 'NETWORK') && count < 2

export function useReportActions(periodId: number, unitId: number) {
  const qc = useQueryClient()
  const refresh = useRefreshLists()
  const store = (detail: ReportDetail) => {
    qc.setQueryData(reportKey(periodId, unitId), detail)
    void refresh()
  }
  return {
    submit: useMutation({
      mutationFn: ({ reportId, version }: { reportId: number; version: number }) => api<SubmitAnswer>(`/reports/${reportId}/submit`, { body: { version } }),
      retry: retryOnNetwork,
      retryDelay: 1500,
      onSuccess: store,
    }),
    returnReport: useMutation({
      mutationFn: ({ reportId, ...body }: { reportId: number; version: number; comment: string; sectionComments: Record<string, string> }) =>
        api<ReportDetail>(`/reports/${reportId}/return`, { body }),
      onSuccess: store,
    }),
    accept: useMutation({
      mutationFn: ({ reportId, version }: { reportId: number; version: number }) => api<ReportDetail>(`/reports/${reportId}/accept`, { body: { version } }),
      onSuccess: store,
    }),
    /** After a conflict on review or submit: read the report again. */
    reload: () => qc.invalidateQueries({ queryKey: reportKey(periodId, unitId) }),
    refreshLists: refresh,
  }
}

export type ReportActions = ReturnType<typeof useReportActions>

export const consolidatedPath = (periodId: number, ext: 'docx' | 'xlsx') => `/report-periods/${periodId}/consolidated.${ext}`
export const unitExportPath = (reportId: number) => `/reports/${reportId}/export.docx`
