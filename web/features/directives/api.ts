import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import type { AddresseeDto, DirectiveDto, DirectiveInput, DirectiveStatus, DirectiveSummaryDto } from '../../../contract/directives.ts'
import { api } from '../../api/client.ts'

export const DIRECTIVES_KEY = ['directives'] as const

export interface DirectiveListQuery {
  q?: string
  status?: DirectiveStatus
  limit: number
  offset: number
}

export function useDirectives(query: DirectiveListQuery) {
  return useQuery({
    queryKey: [...DIRECTIVES_KEY, 'list', query],
    queryFn: () => api<{ items: DirectiveSummaryDto[]; total: number }>('/directives', { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function useDirective(id: number | undefined) {
  return useQuery({
    queryKey: [...DIRECTIVES_KEY, 'detail', id],
    queryFn: () => api<DirectiveDto>(`/directives/${id}`),
    enabled: !!id,
  })
}

export function useAddressees(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...DIRECTIVES_KEY, 'addressees', id],
    queryFn: async () => (await api<{ items: AddresseeDto[] }>(`/directives/${id}/addressees`)).items,
    enabled: !!id && enabled,
  })
}

/** Pasted text or an uploaded file, read by the server's parser; nothing is saved. */
export function useParseDirective() {
  return useMutation({
    mutationFn: (input: { text: string } | { file: File }) => {
      if ('text' in input) return api<ParsedDirective>('/directives/parse', { body: { text: input.text } })
      const form = new FormData()
      form.append('file', input.file)
      return api<ParsedDirective>('/directives/parse', { body: form })
    },
  })
}

function useRefresh() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: DIRECTIVES_KEY })
}

/**
 * Saves a new draft. The key is made once per form, so pressing Save again after a lost answer
 * returns the draft already stored instead of a second copy.
 */
export function useCreateDirective() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: DirectiveInput; idempotencyKey: string }) =>
      api<DirectiveDto>('/directives', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: refresh,
  })
}

export function useUpdateDirective() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<DirectiveInput> & { id: number; version: number }) =>
      api<DirectiveDto>(`/directives/${id}`, { method: 'PATCH', body: input }),
    onSettled: refresh,
  })
}

export interface IssueInput {
  version: number
  unitIds: number[]
  unitKinds: string[]
  acknowledgeWithinDays: number
  planWithinDays: number
}

export function useIssueDirective() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...input }: IssueInput & { id: number }) => api<DirectiveDto>(`/directives/${id}/issue`, { body: input }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: DIRECTIVES_KEY }), qc.invalidateQueries({ queryKey: ['matrix'] })]),
  })
}

export function useCloseDirective() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; supersededById?: number | null }) => api<DirectiveDto>(`/directives/${id}/close`, { body: input }),
    onSettled: refresh,
  })
}

export function useAcknowledge() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, unitId }: { id: number; unitId: number }) => api<{ acknowledgedAt: string; isNew: boolean }>(`/directives/${id}/acknowledge`, { body: { unitId } }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: DIRECTIVES_KEY }), qc.invalidateQueries({ queryKey: ['matrix'] })]),
  })
}
