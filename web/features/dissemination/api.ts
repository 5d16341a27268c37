import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CoverageDto, CreateSessionInput, ImportResultDto, myDirectivePageDto, ReceiptDto, SessionDetailDto, SessionListDto,
} from '../../../contract/dissemination.ts'
import { api, isApiError } from '../../api/client.ts'

export const DISSEMINATION_KEY = ['dissemination'] as const
const sessionKey = (id: number | null) => [...DISSEMINATION_KEY, 'session', id] as const
const mineKey = [...DISSEMINATION_KEY, 'mine'] as const

type MyDirectivePage = z.infer<typeof myDirectivePageDto>

export function useSessions(directiveId: number, unitId: number, opts: { includeSubunits: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...DISSEMINATION_KEY, 'sessions', directiveId, unitId, opts],
    queryFn: () => api<SessionListDto>(`/directives/${directiveId}/sessions`, { query: { unitId, ...opts } }),
    placeholderData: keepPreviousData,
  })
}

export function useSession(id: number | null) {
  return useQuery({
    queryKey: sessionKey(id),
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

/**
 * Who attended what feeds the session lists, coverage, each person's own list and the dashboard:
 * after a change they are marked stale (the ones on screen read again, the others when opened).
 */
function useMarkStale() {
  const qc = useQueryClient()
  return () =>
    Promise.all(
      [[...DISSEMINATION_KEY, 'sessions'], [...DISSEMINATION_KEY, 'coverage'], mineKey, ['matrix']].map((queryKey) => qc.invalidateQueries({ queryKey })),
    )
}

/** The new session (its answer) goes into its own cache entry, ready for its drawer. */
export function useCreateSession(directiveId: number) {
  const qc = useQueryClient()
  const markStale = useMarkStale()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateSessionInput; idempotencyKey: string }) =>
      api<SessionDetailDto>(`/directives/${directiveId}/sessions`, { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: (saved) => {
      qc.setQueryData(sessionKey(saved.id), saved)
      return markStale()
    },
  })
}

export function useDeleteSession() {
  const qc = useQueryClient()
  const markStale = useMarkStale()
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<null>(`/sessions/${id}`, { method: 'DELETE', body: { version } }),
    onSuccess: (_, { id }) => {
      qc.removeQueries({ queryKey: sessionKey(id) })
      return markStale()
    },
    // Someone else changed it meanwhile: show the session as it is now.
    onError: (e, { id }) => (isApiError(e, 'CONFLICT') ? qc.invalidateQueries({ queryKey: sessionKey(id) }) : undefined),
  })
}

/**
 * Adds the people named in a roster file; all or nothing, with every bad row reported. The answer
 * counts the attendees but does not list them, so the open session reads its list again.
 */
export function useImportRoster() {
  const qc = useQueryClient()
  const markStale = useMarkStale()
  return useMutation({
    mutationFn: ({ sessionId, file, idempotencyKey }: { sessionId: number; file: File; idempotencyKey: string }) => {
      const form = new FormData()
      form.append('file', file)
      return api<ImportResultDto>(`/sessions/${sessionId}/attendees/import`, { body: form, headers: { 'idempotency-key': idempotencyKey } })
    },
    onSuccess: (_, { sessionId }) => Promise.all([qc.invalidateQueries({ queryKey: sessionKey(sessionId) }), markStale()]),
  })
}

export function useMyDirectives(q: string) {
  return useQuery({
    queryKey: [...mineKey, q],
    queryFn: () => api<MyDirectivePage>('/me/directives', { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
  })
}

/** The confirmation goes into every cached page of my directives; coverage and the dashboard count it. */
export function useConfirmReceipt() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (directiveId: number) => api<ReceiptDto>(`/directives/${directiveId}/receipt`, { method: 'POST' }),
    onSuccess: ({ directiveId, confirmedAt }) => {
      qc.setQueriesData<MyDirectivePage>({ queryKey: mineKey }, (page) =>
        page && { ...page, items: page.items.map((d) => (d.id === directiveId ? { ...d, confirmedAt } : d)) },
      )
      return Promise.all([qc.invalidateQueries({ queryKey: [...DISSEMINATION_KEY, 'coverage'] }), qc.invalidateQueries({ queryKey: ['matrix'] })])
    },
  })
}
