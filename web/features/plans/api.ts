import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ActionDto, ActionStatus, PlanDto } from '../../../contract/plans.ts'
import { api } from '../../api/client.ts'

export const PLANS_KEY = ['plans'] as const

export const planKey = (directiveId: number, unitId: number) => [...PLANS_KEY, directiveId, unitId] as const

export function usePlan(directiveId: number, unitId: number) {
  return useQuery({
    queryKey: planKey(directiveId, unitId),
    queryFn: () => api<PlanDto>(`/directives/${directiveId}/units/${unitId}/plan`),
  })
}

/**
 * After any change the plan is read again (statuses and timeliness are computed by the server),
 * and the dashboard and overdue lists are marked stale.
 */
function useRefresh(directiveId: number, unitId: number) {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: planKey(directiveId, unitId) }),
      qc.invalidateQueries({ queryKey: ['matrix'] }),
      qc.invalidateQueries({ queryKey: ['overdue'] }),
    ])
}

export interface ActionInput {
  requirementId: number
  title: string
  ownerPersonId?: number | null
  dueDate: string
  status?: ActionStatus
  completedOn?: string | null
  note?: string
}

export function usePlanMutations(directiveId: number, unitId: number) {
  const refresh = useRefresh(directiveId, unitId)
  const settle = { onSettled: refresh }
  return {
    addAction: useMutation({
      mutationFn: (input: ActionInput) => api<{ id: number; planId: number; version: number }>(`/directives/${directiveId}/units/${unitId}/plan/actions`, { body: input }),
      ...settle,
    }),
    updateAction: useMutation({
      mutationFn: ({ id, ...input }: Partial<ActionInput> & { id: number; version: number }) => api<ActionDto>(`/actions/${id}`, { method: 'PATCH', body: input }),
      ...settle,
    }),
    deleteAction: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => api<{ ok: true }>(`/actions/${id}`, { method: 'DELETE', body: { version } }),
      ...settle,
    }),
    uploadEvidence: useMutation({
      mutationFn: ({ actionId, file }: { actionId: number; file: File }) => {
        const form = new FormData()
        form.append('file', file)
        return api<{ id: number }>(`/actions/${actionId}/evidence`, { body: form })
      },
      ...settle,
    }),
    deleteEvidence: useMutation({ mutationFn: (id: number) => api<{ ok: true }>(`/evidence/${id}`, { method: 'DELETE' }), ...settle }),
    submit: useMutation({ mutationFn: ({ planId, version }: { planId: number; version: number }) => api<PlanDto>(`/plans/${planId}/submit`, { body: { version } }), ...settle }),
    accept: useMutation({ mutationFn: ({ planId, version }: { planId: number; version: number }) => api<PlanDto>(`/plans/${planId}/accept`, { body: { version } }), ...settle }),
    returnPlan: useMutation({
      mutationFn: ({ planId, ...body }: { planId: number; version: number; comment: string }) => api<PlanDto>(`/plans/${planId}/return`, { body }),
      ...settle,
    }),
    requestExtension: useMutation({
      mutationFn: ({ planId, ...body }: { planId: number; actionId?: number; requirementId?: number; requestedDueDate: string; reason: string }) =>
        api<{ id: number; plan: PlanDto }>(`/plans/${planId}/extensions`, { body }),
      ...settle,
    }),
    decideExtension: useMutation({
      mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'refuse'; note: string }) => api<PlanDto>(`/extensions/${id}/${decision}`, { body: { note } }),
      ...settle,
    }),
  }
}

export type PlanMutations = ReturnType<typeof usePlanMutations>
