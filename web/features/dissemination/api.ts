import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CoverageDto, CreateSessionInput, ImportResultDto, myDirectivePageDto, ReceiptDto, SessionDetailDto, SessionListDto,
} from '../../../contract/dissemination.ts'
import type { MyDirectiveViewDto, MyPageDto } from '../../../contract/materials.ts'
import { api, isApiError } from '../../api/client.ts'
import { myDirectiveKey, MY_PAGE_KEY } from '../materials/api.ts'

export const DISSEMINATION_KEY = ['dissemination'] as const
export const sessionKey = (id: number | null) => [...DISSEMINATION_KEY, 'session', id] as const
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

export function useMyDirectives(q: string, enabled = true) {
  return useQuery({
    queryKey: [...mineKey, q],
    queryFn: () => api<MyDirectivePage>('/me/directives', { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

/**
 * "I have been briefed": the confirmation goes into every cached list of my directives, my page and
 * the directive I read it from; coverage and the dashboard count it.
 */
export function useConfirmReceipt() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (directiveId: number) => api<ReceiptDto>(`/directives/${directiveId}/receipt`, { method: 'POST' }),
    onSuccess: ({ directiveId, confirmedAt }) => {
      const mark = <T extends { id: number; confirmedAt: string | null }>(d: T) => (d.id === directiveId ? { ...d, confirmedAt } : d)
      qc.setQueriesData<MyDirectivePage>({ queryKey: mineKey }, (page) => page && { ...page, items: page.items.map(mark) })
      qc.setQueryData<MyPageDto>(MY_PAGE_KEY, (page) => page && { ...page, directives: { ...page.directives, items: page.directives.items.map(mark) } })
      qc.setQueryData<MyDirectiveViewDto>(myDirectiveKey(directiveId), (v) => v && { ...v, mine: { ...v.mine, confirmedAt } })
      return Promise.all([qc.invalidateQueries({ queryKey: [...DISSEMINATION_KEY, 'coverage'] }), qc.invalidateQueries({ queryKey: ['matrix'] })])
    },
  })
}
