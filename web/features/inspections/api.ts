import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  advancePhaseInput, answerRequestItemInput, conclusionInput, createInspectionInput, createInspectionPlanInput, documentRequestInput, dropPlanItemInput,
  extendInspectionInput, FindingDto, findingInput, InspectionDto, inspectionFileDto, InspectionPlanDto, inspectionPlanListDto, inspectionPageDto,
  inspectorListDto, issueConclusionInput, PlanFiguresDto, planItemInput, returnInspectionPlanInput, reviewRequestItemInput, selfReportInput, sessionInput,
  updateInspectionInput, updatePlanItemInput,
} from '../../../contract/inspections.ts'
import { api } from '../../api/client.ts'

// The inspection pages take the server's answers' types from here.
export type { ConclusionDto, DocumentRequestDto, FindingDto, InspectionDto, InspectionFileDto, InspectionPlanDto, InspectionSummaryDto, InspectorDto, PlanItemDto } from '../../../contract/inspections.ts'

export const INSPECTIONS_KEY = ['inspections'] as const
const plansKey = (year?: number) => [...INSPECTIONS_KEY, 'plans', year ?? null] as const
export const planKey = (id: number) => [...INSPECTIONS_KEY, 'plan', id] as const
const listKey = [...INSPECTIONS_KEY, 'list'] as const
export const inspectionKey = (id: number) => [...INSPECTIONS_KEY, 'detail', id] as const

export type PlanSummary = z.infer<typeof inspectionPlanListDto>['items'][number]
export type InspectionFilters = { year?: number; phase?: string; under?: number; overdue?: boolean; q?: string; limit: number; offset: number }
type In<S extends z.ZodType> = z.input<S>

export function useInspectionPlans(year?: number) {
  return useQuery({ queryKey: plansKey(year), queryFn: async () => (await api<z.infer<typeof inspectionPlanListDto>>('/inspection-plans', { query: { year } })).items })
}

/** The plan against what happened, without its items (the year's view). Kept with the plan's own key, so a change to the plan refreshes it. */
export function usePlanFigures(id: number) {
  return useQuery({ queryKey: [...planKey(id), 'figures'], queryFn: () => api<PlanFiguresDto>(`/inspection-plans/${id}/figures`) })
}

export function useInspectionPlan(id: number | undefined) {
  return useQuery({ queryKey: planKey(id ?? 0), queryFn: () => api<InspectionPlanDto>(`/inspection-plans/${id}`), enabled: !!id && Number.isFinite(id) })
}

export function useInspections(filters: InspectionFilters) {
  return useQuery({
    queryKey: [...listKey, filters],
    queryFn: () => api<z.infer<typeof inspectionPageDto>>('/inspections', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  })
}

export function useInspection(id: number) {
  return useQuery({ queryKey: inspectionKey(id), queryFn: () => api<InspectionDto>(`/inspections/${id}`), enabled: Number.isInteger(id) && id > 0 })
}

/** Accounts holding the inspector role (the board's pickers). */
export function useInspectors(enabled = true) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, 'inspectors'],
    queryFn: async () => (await api<z.infer<typeof inspectorListDto>>('/inspectors')).items,
    staleTime: 5 * 60_000,
    enabled,
  })
}

/**
 * Plan writes answer the whole plan: it replaces the cached one; the plan lists (status, item
 * counts) and the inspection lists (an item started) are marked stale.
 */
export function usePlanMutations() {
  const qc = useQueryClient()
  const store = (plan: InspectionPlanDto) => {
    qc.setQueryData(planKey(plan.id), plan)
    void qc.invalidateQueries({ queryKey: [...planKey(plan.id), 'figures'] })
    return qc.invalidateQueries({ queryKey: [...INSPECTIONS_KEY, 'plans'] })
  }
  const v = (version: number) => ({ version })
  return {
    create: useMutation({
      mutationFn: ({ input, key }: { input: In<typeof createInspectionPlanInput>; key: string }) =>
        api<InspectionPlanDto>('/inspection-plans', { body: input, headers: { 'idempotency-key': key } }),
      onSuccess: store,
    }),
    addItem: useMutation({
      mutationFn: ({ planId, input, key }: { planId: number; input: In<typeof planItemInput>; key: string }) =>
        api<InspectionPlanDto>(`/inspection-plans/${planId}/items`, { body: input, headers: { 'idempotency-key': key } }),
      onSuccess: store,
    }),
    updateItem: useMutation({
      mutationFn: ({ itemId, input }: { itemId: number; input: In<typeof updatePlanItemInput> }) => api<InspectionPlanDto>(`/inspection-plan-items/${itemId}`, { method: 'PATCH', body: input }),
      onSuccess: store,
    }),
    deleteItem: useMutation({
      mutationFn: ({ itemId, version }: { itemId: number; version: number }) => api<InspectionPlanDto>(`/inspection-plan-items/${itemId}`, { method: 'DELETE', body: v(version) }),
      onSuccess: store,
    }),
    dropItem: useMutation({
      mutationFn: ({ itemId, input }: { itemId: number; input: In<typeof dropPlanItemInput> }) => api<InspectionPlanDto>(`/inspection-plan-items/${itemId}/drop`, { body: input }),
      onSuccess: store,
    }),
    submit: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => api<InspectionPlanDto>(`/inspection-plans/${id}/submit`, { body: v(version) }), onSuccess: store }),
    approve: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => api<InspectionPlanDto>(`/inspection-plans/${id}/approve`, { body: v(version) }), onSuccess: store }),
    returnPlan: useMutation({
      mutationFn: ({ id, input }: { id: number; input: In<typeof returnInspectionPlanInput> }) => api<InspectionPlanDto>(`/inspection-plans/${id}/return`, { body: input }),
      onSuccess: store,
    }),
    reload: (id: number) => qc.invalidateQueries({ queryKey: planKey(id) }),
  }
}
export type PlanMutations = ReturnType<typeof usePlanMutations>

/** Opening an inspection: the lists and the plans (an item now started) go stale. */
export function useOpenInspection() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ input, key }: { input: In<typeof createInspectionInput>; key: string }) => api<InspectionDto>('/inspections', { body: input, headers: { 'idempotency-key': key } }),
    onSuccess: (i) => {
      qc.setQueryData(inspectionKey(i.id), i)
      return qc.invalidateQueries({ queryKey: INSPECTIONS_KEY, predicate: (q) => q.queryKey[1] !== 'detail' })
    },
  })
}

/**
 * Every write on an inspection answers the inspection as the caller now sees it (a finding answers
 * itself: the inspection is read again). Lists and plans show its phase and open findings: stale.
 */
export function useInspectionMutations(id: number) {
  const qc = useQueryClient()
  const stale = () => qc.invalidateQueries({ queryKey: INSPECTIONS_KEY, predicate: (q) => q.queryKey[1] !== 'detail' })
  const store = (i: InspectionDto) => {
    qc.setQueryData(inspectionKey(id), i)
    void stale()
  }
  const reload = () => qc.invalidateQueries({ queryKey: inspectionKey(id) })
  const base = `/inspections/${id}`
  return {
    update: useMutation({ mutationFn: (input: In<typeof updateInspectionInput>) => api<InspectionDto>(base, { method: 'PATCH', body: input }), onSuccess: store }),
    advance: useMutation({ mutationFn: (input: In<typeof advancePhaseInput>) => api<InspectionDto>(`${base}/phase`, { body: input }), onSuccess: store }),
    extend: useMutation({ mutationFn: (input: In<typeof extendInspectionInput>) => api<InspectionDto>(`${base}/extensions`, { body: input }), onSuccess: store }),
    request: useMutation({
      mutationFn: ({ input, key }: { input: In<typeof documentRequestInput>; key: string }) => api<InspectionDto>(`${base}/requests`, { body: input, headers: { 'idempotency-key': key } }),
      onSuccess: store,
    }),
    answer: useMutation({
      mutationFn: ({ itemId, input }: { itemId: number; input: In<typeof answerRequestItemInput> }) => api<InspectionDto>(`/inspection-request-items/${itemId}/answer`, { body: input }),
      onSuccess: store,
    }),
    review: useMutation({
      mutationFn: ({ itemId, input }: { itemId: number; input: In<typeof reviewRequestItemInput> }) => api<InspectionDto>(`/inspection-request-items/${itemId}/review`, { body: input }),
      onSuccess: store,
    }),
    selfReport: useMutation({
      mutationFn: ({ unitId, input }: { unitId: number; input: In<typeof selfReportInput> }) => api<InspectionDto>(`${base}/units/${unitId}/self-report`, { method: 'PUT', body: input }),
      onSuccess: store,
    }),
    session: useMutation({
      mutationFn: ({ input, key }: { input: In<typeof sessionInput>; key: string }) => api<InspectionDto>(`${base}/sessions`, { body: input, headers: { 'idempotency-key': key } }),
      onSuccess: store,
    }),
    finding: useMutation({
      mutationFn: ({ input, key }: { input: In<typeof findingInput>; key: string }) => api<FindingDto>(`${base}/findings`, { body: input, headers: { 'idempotency-key': key } }),
      onSuccess: () => Promise.all([reload(), stale()]),
    }),
    deleteFinding: useMutation({
      mutationFn: ({ findingId, version }: { findingId: number; version: number }) => api(`/inspection-findings/${findingId}`, { method: 'DELETE', body: { version } }),
      onSuccess: () => Promise.all([reload(), stale()]),
    }),
    saveConclusion: useMutation({ mutationFn: (input: In<typeof conclusionInput>) => api<InspectionDto>(`${base}/conclusion`, { method: 'PUT', body: input }), onSuccess: store }),
    issue: useMutation({
      mutationFn: (input: In<typeof issueConclusionInput>) => api<InspectionDto>(`${base}/conclusion/issue`, { body: input }),
      onSuccess: (i) => {
        store(i)
        // The notice made corrective actions: their lists are another feature's, read again when opened.
        return qc.invalidateQueries({ queryKey: ['corrective-actions'] })
      },
    }),
    /** One file, uploaded for a unit (an answer, a self-report) or for the team (minutes, evidence). */
    upload: useMutation({
      mutationFn: ({ file, unitId }: { file: File; unitId?: number }) => {
        const form = new FormData()
        form.append('file', file, file.name)
        return api<z.infer<typeof inspectionFileDto>>(`${base}/files`, { body: form, query: { unitId } })
      },
    }),
    reload,
  }
}
export type InspectionMutations = ReturnType<typeof useInspectionMutations>

export const conclusionDocxPath = (id: number) => `/inspections/${id}/conclusion.docx`
export const filePath = (fileId: number) => `/inspection-files/${fileId}`

type DirectivePage = { items: { id: number; number: string | null; subject: string }[] }
/** Issued directives, for a plan item's topics. */
export function useIssuedDirectiveOptions(enabled = true) {
  return useQuery({
    queryKey: ['directives', 'list', { status: 'issued', limit: 200, offset: 0 }],
    queryFn: () => api<DirectivePage>('/directives', { query: { status: 'issued', limit: 200, offset: 0 } }),
    enabled,
    select: (d) => d.items.map((x) => ({ value: x.id, label: `${x.number ?? '—'} · ${x.subject}` })),
  })
}

type Requirement = { id: number; label: string; text: string; children: Requirement[] }
type DirectiveDetail = { id: number; number: string | null; requirements: Requirement[] }
/** The requirements of the inspection's directives, flattened, for a finding's or a must-correct item's requirement. */
export function useRequirementOptions(directiveIds: number[]) {
  const results = useQueries({ queries: directiveIds.map((id) => ({ queryKey: ['directives', 'detail', id], queryFn: () => api<DirectiveDetail>(`/directives/${id}`), staleTime: 5 * 60_000 })) })
  const options: { value: number; label: string }[] = []
  const walk = (d: DirectiveDetail, list: Requirement[], prefix: string) => {
    for (const r of list) {
      const label = `${prefix}${r.label}`
      options.push({ value: r.id, label: `${d.number ?? ''} · ${label} ${r.text}`.trim() })
      walk(d, r.children, label)
    }
  }
  for (const r of results) if (r.data) walk(r.data, r.data.requirements, '')
  return options
}
