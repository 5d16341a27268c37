import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { directivePageDto } from '../../../contract/directives.ts'
import type {
  claimedFiguresInput, createPeriodInput, PERIOD_KINDS, PeriodDetail, periodListDto, ReportDetail, ReportPeriod, ReportVersionDetail, reportVersionInput,
  returnReportInput, saveDraftInput, SubmitAnswer,
} from '../../../contract/reports.ts'
import { api, isApiError } from '../../api/client.ts'

// The report pages take the server's answers' types from here.
export type {
  DraftContent, PeriodDetail, PeriodUnit, ReportDetail, ReportPeriod, ReportVersionDetail, ReportVersionSummary, ReviewComments, SectionField, SubmitAnswer,
  VersionChange,
} from '../../../contract/reports.ts'
export { SECTION_FIELDS } from '../../../contract/reports.ts'

export const REPORTS_KEY = ['reports'] as const

export type PeriodKind = (typeof PERIOD_KINDS)[number]

export type ClaimedFigures = z.input<typeof claimedFiguresInput>

/** What a refused save (409 CONFLICT) carries in `current`: the draft as the other person saved it. */
export type DraftConflict = Pick<ReportDetail, 'version' | 'draft'> & { updatedBy: ReportDetail['draftUpdatedBy']; updatedAt: ReportDetail['draftUpdatedAt'] }

type DirectivePage = z.infer<typeof directivePageDto>

export const periodsKey = () => [...REPORTS_KEY, 'periods'] as const
export const periodKey = (id: number) => [...REPORTS_KEY, 'period', id] as const
export const reportKey = (periodId: number, unitId: number) => [...REPORTS_KEY, 'report', periodId, unitId] as const

export function usePeriods() {
  return useQuery({
    queryKey: periodsKey(),
    queryFn: async () => (await api<z.infer<typeof periodListDto>>('/report-periods')).items,
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
    queryFn: () => api<DirectivePage>('/directives', { query: { status: 'issued', limit: 200, offset: 0 } }),
    enabled,
  })
}

/** Directive numbers by id, for the periods' "covers" column. */
export function useDirectiveNames() {
  const { data } = useQuery({
    queryKey: ['directives', 'list', { limit: 200, offset: 0 }],
    queryFn: () => api<DirectivePage>('/directives', { query: { limit: 200, offset: 0 } }),
    staleTime: 5 * 60_000,
  })
  return new Map((data?.items ?? []).map((d) => [d.id, d.number ?? d.subject]))
}

/** The whole draft, replaced (a PUT); the answer is the report as saved. */
export function saveDraftRequest(periodId: number, unitId: number, body: z.input<typeof saveDraftInput>) {
  return api<ReportDetail>(`/report-periods/${periodId}/units/${unitId}/report/draft`, { method: 'PUT', body })
}

/** Periods and their unit lists show report statuses, the dashboard rows show open periods: mark them stale after any change. */
function useRefreshLists() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: periodsKey() }),
      qc.invalidateQueries({ queryKey: [...REPORTS_KEY, 'period'] }),
      qc.invalidateQueries({ queryKey: ['matrix'] }),
    ])
}

/** The key is made once per form, so pressing Open again after a lost answer does not open a second period. */
export function useCreatePeriod() {
  const refresh = useRefreshLists()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: z.input<typeof createPeriodInput>; idempotencyKey: string }) =>
      api<ReportPeriod>('/report-periods', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: refresh,
  })
}

/**
 * The closed period (the answer) replaces it in the periods list and in its own page, which keeps
 * its unit list; the dashboard, which shows open periods only, is marked stale.
 */
export function useClosePeriod() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version }: { id: number } & z.input<typeof reportVersionInput>) => api<ReportPeriod>(`/report-periods/${id}/close`, { body: { version } }),
    onSuccess: (period) => {
      qc.setQueryData<ReportPeriod[]>(periodsKey(), (list) => list?.map((p) => (p.id === period.id ? period : p)))
      qc.setQueryData<PeriodDetail>(periodKey(period.id), (detail) => detail && { ...detail, ...period })
      return qc.invalidateQueries({ queryKey: ['matrix'] })
    },
    // Someone else changed it meanwhile: read it again.
    onError: (e, { id }) => (isApiError(e, 'CONFLICT') ? qc.invalidateQueries({ queryKey: periodKey(id) }) : undefined),
  })
}

/** A lost answer is safe to ask again: the server answers a repeated submit or review of the same version like the first. */
const retryOnNetwork = (count: number, e: unknown) => isApiError(e, 'NETWORK') && count < 2

type ReportVersion = z.input<typeof reportVersionInput> & { reportId: number }

export function useReportActions(periodId: number, unitId: number) {
  const qc = useQueryClient()
  const refresh = useRefreshLists()
  const store = (detail: ReportDetail) => {
    qc.setQueryData(reportKey(periodId, unitId), detail)
    void refresh()
  }
  return {
    submit: useMutation({
      mutationFn: ({ reportId, version }: ReportVersion) => api<SubmitAnswer>(`/reports/${reportId}/submit`, { body: { version } }),
      retry: retryOnNetwork,
      retryDelay: 1500,
      onSuccess: store,
    }),
    returnReport: useMutation({
      mutationFn: ({ reportId, ...body }: z.input<typeof returnReportInput> & { reportId: number }) =>
        api<ReportDetail>(`/reports/${reportId}/return`, { body }),
      onSuccess: store,
    }),
    accept: useMutation({
      mutationFn: ({ reportId, version }: ReportVersion) => api<ReportDetail>(`/reports/${reportId}/accept`, { body: { version } }),
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
