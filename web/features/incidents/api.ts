import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  closeIncidentInput, CreateIncidentInput, IncidentDto, incidentRecipientsDto, incidentRegisterDto, incidentRegisterQuery, incidentReportInput, incidentStepInput, updateIncidentInput,
} from '../../../contract/incidents.ts'
import { storeInLists } from '../../api/cache.ts'
import { api, isApiError } from '../../api/client.ts'
import { CYBERSECURITY_KEY } from '../channels/api.ts'

export type { IncidentDto, IncidentSummaryDto } from '../../../contract/incidents.ts'
export type IncidentRegister = z.infer<typeof incidentRegisterDto>
export type IncidentRecipients = z.infer<typeof incidentRecipientsDto>
export type IncidentFilters = Partial<Omit<z.output<typeof incidentRegisterQuery>, 'under'>> & { under?: number }

export const INCIDENTS_KEY = ['incidents'] as const
const listsKey = [...INCIDENTS_KEY, 'register'] as const
export const incidentKey = (id: number) => [...INCIDENTS_KEY, 'detail', id] as const

/** A page of incidents in the caller's scope (or under a unit), with their times against the targets. */
export function useIncidentRegister(filters: IncidentFilters) {
  return useQuery({
    queryKey: [...listsKey, filters],
    queryFn: () => api<IncidentRegister>('/incidents/register', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  })
}

export function useIncident(id: number) {
  return useQuery({ queryKey: incidentKey(id), queryFn: () => api<IncidentDto>(`/incidents/${id}`), enabled: Number.isInteger(id) && id > 0 })
}

/** To whom incidents are reported (configured on the server), and the targets in force. */
export function useRecipients() {
  return useQuery({ queryKey: [...INCIDENTS_KEY, 'recipients'], queryFn: () => api<IncidentRecipients>('/incidents/recipients'), staleTime: 10 * 60_000 })
}

/** A write answers the whole incident: in place of the cached one and its register row; counts and the overview go stale. */
async function storeIncident(qc: QueryClient, saved: IncidentDto) {
  await qc.cancelQueries({ queryKey: incidentKey(saved.id), exact: true })
  qc.setQueryData(incidentKey(saved.id), saved)
  return Promise.all([storeInLists(qc, saved, [listsKey]), qc.invalidateQueries({ queryKey: CYBERSECURITY_KEY }), qc.invalidateQueries({ queryKey: ['overview'] })])
}

export function useRecordIncident() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateIncidentInput; key: string }) => api<IncidentDto>('/incidents', { body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: (saved) => storeIncident(qc, saved),
  })
}

/** Reports, response steps and the closure of one incident; a refusal because it moved on reads it again. */
export function useIncidentMutations(id: number) {
  const qc = useQueryClient()
  const store = (saved: IncidentDto) => storeIncident(qc, saved)
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: incidentKey(id) })
  }
  return {
    report: useMutation({
      mutationFn: ({ input, key }: { input: z.output<typeof incidentReportInput>; key: string }) => api<IncidentDto>(`/incidents/${id}/reports`, { body: input, headers: { 'Idempotency-Key': key } }),
      onSuccess: store,
      onError,
    }),
    step: useMutation({
      mutationFn: ({ input, key }: { input: z.output<typeof incidentStepInput>; key: string }) => api<IncidentDto>(`/incidents/${id}/steps`, { body: input, headers: { 'Idempotency-Key': key } }),
      onSuccess: store,
      onError,
    }),
    update: useMutation({ mutationFn: (input: z.output<typeof updateIncidentInput>) => api<IncidentDto>(`/incidents/${id}`, { method: 'PATCH', body: input }), onSuccess: store, onError }),
    close: useMutation({ mutationFn: (input: z.output<typeof closeIncidentInput>) => api<IncidentDto>(`/incidents/${id}/close`, { body: input }), onSuccess: store, onError }),
  }
}
