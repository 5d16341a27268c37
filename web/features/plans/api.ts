import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import dayjs from 'dayjs'
import type { z } from 'zod'
import type { okDto } from '../../../contract/common.ts'
import type {
  createActionInput, EvidenceDto, extensionDecisionInput, extensionRequestedDto, extensionRequestInput, PlanDto, planVersionInput, returnPlanInput, SavedActionDto,
  updateActionInput,
} from '../../../contract/plans.ts'
import { api, isApiError } from '../../api/client.ts'
import { API_DATE_FORMAT } from '../../components/format.ts'
import { addEvidence, putAction, removeAction, removeEvidence } from './plan-cache.ts'

export const PLANS_KEY = ['plans'] as const

export const planKey = (directiveId: number, unitId: number) => [...PLANS_KEY, directiveId, unitId] as const

export function usePlan(directiveId: number, unitId: number) {
  return useQuery({
    queryKey: planKey(directiveId, unitId),
    queryFn: () => api<PlanDto>(`/directives/${directiveId}/units/${unitId}/plan`),
  })
}

type Ok = z.infer<typeof okDto>
type PlanVersion = z.input<typeof planVersionInput> & { planId: number }

/**
 * Every change answers what it saved, and that goes into the cached plan: an action or evidence
 * file in place (the requirement's status recomputed on today's date, as the server would), or the
 * whole plan for a plan-level step. What the change makes stale elsewhere (the dashboard matrix,
 * the overdue list) is marked so, to be read when next opened. A refused change whose cause is the
 * plan having moved on (someone else's edit, a deleted action) reads the plan again.
 */
export function usePlanMutations(directiveId: number, unitId: number) {
  const qc = useQueryClient()
  const key = planKey(directiveId, unitId)
  const markOthersStale = () => Promise.all([qc.invalidateQueries({ queryKey: ['matrix'] }), qc.invalidateQueries({ queryKey: ['overdue'] })])
  /**
   * `change` applied to the cached plan with today's date; with nothing cached, the plan is read.
   * Evidence files count in neither the matrix nor the overdue list (`isSeenElsewhere` false).
   */
  const update = (change: (plan: PlanDto, today: string) => PlanDto, isSeenElsewhere = true) => {
    const cached = qc.getQueryData<PlanDto>(key)
    if (cached) qc.setQueryData<PlanDto>(key, change(cached, dayjs().format(API_DATE_FORMAT)))
    else void qc.invalidateQueries({ queryKey: key })
    if (isSeenElsewhere) void markOthersStale()
  }
  const store = (plan: PlanDto) => update(() => plan)
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'NOT_FOUND') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: key })
  }
  return {
    addAction: useMutation({
      mutationFn: (input: z.input<typeof createActionInput>) => api<SavedActionDto>(`/directives/${directiveId}/units/${unitId}/plan/actions`, { body: input }),
      onSuccess: (saved) => update((plan, today) => putAction(plan, saved, today)),
      onError,
    }),
    updateAction: useMutation({
      mutationFn: ({ id, ...input }: z.input<typeof updateActionInput> & { id: number }) => api<SavedActionDto>(`/actions/${id}`, { method: 'PATCH', body: input }),
      onSuccess: (saved) => update((plan, today) => putAction(plan, saved, today)),
      onError,
    }),
    deleteAction: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => api<Ok>(`/actions/${id}`, { method: 'DELETE', body: { version } }),
      onSuccess: (_, { id }) => update((plan, today) => removeAction(plan, id, today)),
      onError,
    }),
    uploadEvidence: useMutation({
      mutationFn: ({ actionId, file }: { actionId: number; file: File }) => {
        const form = new FormData()
        form.append('file', file)
        return api<EvidenceDto>(`/actions/${actionId}/evidence`, { body: form })
      },
      onSuccess: (evidence, { actionId }) => update((plan, today) => addEvidence(plan, actionId, evidence, today), false),
      onError,
    }),
    deleteEvidence: useMutation({
      mutationFn: (id: number) => api<Ok>(`/evidence/${id}`, { method: 'DELETE' }),
      onSuccess: (_, id) => update((plan, today) => removeEvidence(plan, id, today), false),
      onError,
    }),
    submit: useMutation({
      mutationFn: ({ planId, version }: PlanVersion) => api<PlanDto>(`/plans/${planId}/submit`, { body: { version } }),
      onSuccess: store,
      onError,
    }),
    accept: useMutation({
      mutationFn: ({ planId, version }: PlanVersion) => api<PlanDto>(`/plans/${planId}/accept`, { body: { version } }),
      onSuccess: store,
      onError,
    }),
    returnPlan: useMutation({
      mutationFn: ({ planId, ...body }: z.input<typeof returnPlanInput> & { planId: number }) => api<PlanDto>(`/plans/${planId}/return`, { body }),
      onSuccess: store,
      onError,
    }),
    requestExtension: useMutation({
      mutationFn: ({ planId, ...body }: z.input<typeof extensionRequestInput> & { planId: number }) =>
        api<z.infer<typeof extensionRequestedDto>>(`/plans/${planId}/extensions`, { body }),
      onSuccess: ({ plan }) => store(plan),
      onError,
    }),
    decideExtension: useMutation({
      mutationFn: ({ id, decision, note }: z.input<typeof extensionDecisionInput> & { id: number; decision: 'approve' | 'refuse' }) =>
        api<PlanDto>(`/extensions/${id}/${decision}`, { body: { note } }),
      onSuccess: store,
      onError,
    }),
  }
}

export type PlanMutations = ReturnType<typeof usePlanMutations>
