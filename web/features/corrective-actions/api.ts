import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { auditListDto } from '../../../contract/audit.ts'
import {
  correctiveSummaryDto, type correctiveExtensionInput, type correctiveListQuery, type correctivePageDto, type CorrectiveDto, type reportDoneInput, type returnCorrectiveInput,
  type verifyCorrectiveInput,
} from '../../../contract/corrective-actions.ts'
import type { InspectionFileDto, inspectionPageDto } from '../../../contract/inspections.ts'
import { storeInLists } from '../../api/cache.ts'
import { api, isApiError } from '../../api/client.ts'

export type { CorrectiveDto, CorrectiveSummaryDto } from '../../../contract/corrective-actions.ts'
export type CorrectiveFilters = Omit<z.output<typeof correctiveListQuery>, 'asOf' | 'overdue' | 'limit' | 'offset'> & { limit?: number; offset?: number }
export type CorrectivePage = z.infer<typeof correctivePageDto>
export type AuditEntries = z.infer<typeof auditListDto>['items']

export const CORRECTIVE_KEY = ['corrective-actions'] as const
const listsKey = [...CORRECTIVE_KEY, 'list'] as const
export const correctiveKey = (id: number) => [...CORRECTIVE_KEY, 'detail', id] as const
const historyKey = (id: number) => [...CORRECTIVE_KEY, 'history', id] as const

/** A page of the actions the caller reaches (the server scopes, filters and pages), soonest due first. */
export function useCorrectiveActions(filters: CorrectiveFilters) {
  return useQuery({
    queryKey: [...listsKey, filters],
    queryFn: () => api<CorrectivePage>('/corrective-actions', { query: { ...filters } }),
    placeholderData: (previous) => previous,
  })
}

/** The inspections a list can be narrowed to (the server answers those the caller sees). */
export function useInspectionOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['inspections', 'options'],
    queryFn: () => api<z.infer<typeof inspectionPageDto>>('/inspections', { query: { limit: 500 } }).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  })
}

export function useCorrective(id: number) {
  return useQuery({ queryKey: correctiveKey(id), queryFn: () => api<CorrectiveDto>(`/corrective-actions/${id}`), enabled: Number.isInteger(id) && id > 0 })
}

/** The audit entries of one action, oldest first: for those who read the audit log (the board, auditors). */
export function useCorrectiveHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: historyKey(id),
    queryFn: async () => (await api<z.infer<typeof auditListDto>>('/audit', { query: { entity: 'correctiveAction', entityId: String(id), limit: 500 } })).items.reverse(),
    enabled,
  })
}

/**
 * Every write answers the whole action: it replaces the cached one and its row in the cached lists;
 * the counts, the history and the overview (its corrective-action indicator) are marked stale. A
 * refusal because the action moved on (someone else's step) reads it again.
 */
export function useCorrectiveMutations(id: number) {
  const qc = useQueryClient()
  const store = async (saved: CorrectiveDto) => {
    await qc.cancelQueries({ queryKey: correctiveKey(id), exact: true })
    qc.setQueryData(correctiveKey(id), saved)
    await Promise.all([
      storeInLists(qc, correctiveSummaryDto.parse(saved), [listsKey]),
      // The lists' class counts move with the action: their next read asks the server again.
      qc.invalidateQueries({ queryKey: listsKey }),
      qc.invalidateQueries({ queryKey: historyKey(id) }),
      qc.invalidateQueries({ queryKey: ['overview'] }),
    ])
  }
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: correctiveKey(id) })
  }
  return {
    /** The answer is the file's entry: added to the cached action's evidence. */
    uploadEvidence: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData()
        form.append('file', file)
        return api<InspectionFileDto>(`/corrective-actions/${id}/evidence`, { body: form })
      },
      onSuccess: (saved) => {
        qc.setQueryData<CorrectiveDto>(correctiveKey(id), (c) => c && { ...c, evidence: [...c.evidence, saved] })
        return qc.invalidateQueries({ queryKey: historyKey(id) })
      },
      onError,
    }),
    reportDone: useMutation({
      mutationFn: (input: z.input<typeof reportDoneInput>) => api<CorrectiveDto>(`/corrective-actions/${id}/report`, { body: input }),
      onSuccess: store,
      onError,
    }),
    verify: useMutation({
      mutationFn: (input: z.input<typeof verifyCorrectiveInput>) => api<CorrectiveDto>(`/corrective-actions/${id}/verify`, { body: input }),
      onSuccess: store,
      onError,
    }),
    returnAction: useMutation({
      mutationFn: (input: z.input<typeof returnCorrectiveInput>) => api<CorrectiveDto>(`/corrective-actions/${id}/return`, { body: input }),
      onSuccess: store,
      onError,
    }),
    requestExtension: useMutation({
      /** `key`: one Idempotency-Key per request the person makes, so a resent one is stored once. */
      mutationFn: ({ key, ...input }: z.input<typeof correctiveExtensionInput> & { key: string }) =>
        api<CorrectiveDto>(`/corrective-actions/${id}/extensions`, { body: input, headers: { 'Idempotency-Key': key } }),
      onSuccess: store,
      onError,
    }),
    decideExtension: useMutation({
      mutationFn: ({ extensionId, decision, note }: { extensionId: number; decision: 'approve' | 'refuse'; note: string }) =>
        api<CorrectiveDto>(`/corrective-action-extensions/${extensionId}/${decision}`, { body: { note } }),
      onSuccess: store,
      onError,
    }),
  }
}

export type CorrectiveMutations = ReturnType<typeof useCorrectiveMutations>
