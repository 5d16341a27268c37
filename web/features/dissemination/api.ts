import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CoverageDto, CreateSessionInput, ImportResultDto, MyDirectiveDto, ReceiptDto, SessionDetailDto, SessionListDto,
} from '../../../contract/dissemination.ts'
import { api } from '../../api/client.ts'

export const DISSEMINATION_KEY = ['dissemination'] as const

export function useSessions(directiveId: number, unitId: number, opts: { includeSubunits: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...DISSEMINATION_KEY, 'sessions', directiveId, unitId, opts],
    queryFn: () => api<SessionListDto>(`/directives/${directiveId}/sessions`, { query: { unitId, ...opts } }),
    placeholderData: keepPreviousData,
  })
}

export function useSession(id: number | null) {
  return useQuery({
    queryKey: [...DISSEMINATION_KEY, 'session', id],
    queryFn: () => api<SessionDetailDto>(`/sessions/${id}`),
    enabled: !!id,
  })
}

export function useCoverage(directiveId: number, unitId: number) {
  return useQuery({
    queryKey: [...DISSEMINATION_KEY, 'coverage', directiveId, unitId],
    queryFn: () => api<CoverageDto>(`/directives/${directiveId}/coverage`, { query: { unitId, includeSubunits: true } }),
  })
}

function useRefresh() {
  const qc = useQueryClient()
  return () => Promise.all([qc.invalidateQueries({ queryKey: DISSEMINATION_KEY }), qc.invalidateQueries({ queryKey: ['matrix'] })])
}

export function useCreateSession(directiveId: number) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateSessionInput; idempotencyKey: string }) =>
      api<SessionDetailDto>(`/directives/${directiveId}/sessions`, { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: refresh,
  })
}

export function useDeleteSession() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<void>(`/sessions/${id}`, { method: 'DELETE', body: { version } }),
    onSettled: refresh,
  })
}

/** Adds the people named in a roster file; all or nothing, with every bad row reported. */
export function useImportRoster() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ sessionId, file, idempotencyKey }: { sessionId: number; file: File; idempotencyKey: string }) => {
      const form = new FormData()
      form.append('file', file)
      return api<ImportResultDto>(`/sessions/${sessionId}/attendees/import`, { body: form, headers: { 'idempotency-key': idempotencyKey } })
    },
    onSettled: refresh,
  })
}

export function useMyDirectives(q: string) {
  return useQuery({
    queryKey: [...DISSEMINATION_KEY, 'mine', q],
    queryFn: () => api<{ items: MyDirectiveDto[]; total: number }>('/me/directives', { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
  })
}

export function useConfirmReceipt() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (directiveId: number) => api<ReceiptDto>(`/directives/${directiveId}/receipt`, { method: 'POST' }),
    onSettled: refresh,
  })
}
