import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  caseSummaryDto, type caseAccessDto, type caseFileDto, type caseGroupListDto, type caseListDto, type caseListQuery, type caseLookupDto, type caseRequestInput,
  type caseReplyInput, type caseSubmissionDto, type caseSummaryCountsDto, type CaseDto, type CaseStepInput, type CreateCaseInput, type myCaseNoticeListDto,
  type submissionInput, type updateCaseInput,
} from '../../../contract/cases.ts'
import { storeInLists } from '../../api/cache.ts'
import { api, isApiError } from '../../api/client.ts'

export type { CaseDto, CaseNoticeDto, CaseRequestDto, CaseSummaryDto } from '../../../contract/cases.ts'
export type CaseAccess = z.infer<typeof caseAccessDto>
export type CaseGroup = z.infer<typeof caseGroupListDto>['items'][number]
export type MyNotice = z.infer<typeof myCaseNoticeListDto>['items'][number]
export type CaseCounts = z.infer<typeof caseSummaryCountsDto>
export type CaseFilters = z.output<typeof caseListQuery>

export const CASES_KEY = ['cases'] as const
const listsKey = [...CASES_KEY, 'list'] as const
export const caseListKey = (filters: CaseFilters) => [...listsKey, filters] as const
export const caseKey = (id: number) => [...CASES_KEY, 'detail', id] as const
const countsKey = [...CASES_KEY, 'summary'] as const
const accessKey = (id: number) => [...CASES_KEY, 'access', id] as const
export const CASE_GROUPS_KEY = ['case-groups'] as const
export const MY_NOTICES_KEY = ['my-case-notices'] as const

const fetchCases = (filters: CaseFilters) => api<z.infer<typeof caseListDto>>('/cases', { query: { ...filters } })

/** A page of the cases whose list the caller is on, with their total (the server filters and pages; no content). */
export function useCases(filters: CaseFilters) {
  return useQuery({ queryKey: caseListKey(filters), queryFn: () => fetchCases(filters) })
}

/** Counts by kind and status in the caller's scope, for the board and the committee: never a name. */
export function useCaseCounts(enabled: boolean) {
  return useQuery({ queryKey: countsKey, queryFn: () => api<CaseCounts>('/cases/summary'), enabled })
}

/**
 * One case with its content; each read is audited by the server. A case opened by break-glass is
 * not on the reader's list, so asking again would answer 404: it stays as it was opened.
 */
export function useCase(id: number) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => api<CaseDto>(`/cases/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: (q) => (q.state.data?.access.viaBreakGlass ? Infinity : 30_000),
  })
}

/**
 * Puts a write's answer in the cache in place of what a read still under way would bring back:
 * that read started before the write and would overwrite the answer with what was there before.
 */
async function putAnswer<T>(qc: QueryClient, queryKey: readonly unknown[], answer: T) {
  await qc.cancelQueries({ queryKey, exact: true })
  qc.setQueryData(queryKey, answer)
}

/**
 * A write answers the whole case: it replaces the cached case and its row in the cached lists (the
 * row without content). The counts and the access history (each write is in it) are marked stale.
 */
async function storeCase(qc: QueryClient, saved: CaseDto) {
  await putAnswer(qc, caseKey(saved.id), saved)
  return Promise.all([
    storeInLists(qc, caseSummaryDto.parse(saved), [listsKey]),
    qc.invalidateQueries({ queryKey: countsKey }),
    qc.invalidateQueries({ queryKey: accessKey(saved.id) }),
  ])
}

export function useOpenCase() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateCaseInput) => api<CaseDto>('/cases', { body: input }),
    onSuccess: (saved) => storeCase(qc, saved),
  })
}

/**
 * Everything recorded on an open case. A refusal because the case moved on meanwhile (someone
 * else's step, a changed version) reads it again.
 */
export function useCaseMutations(id: number) {
  const qc = useQueryClient()
  const store = (saved: CaseDto) => storeCase(qc, saved)
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: caseKey(id) })
  }
  return {
    update: useMutation({
      mutationFn: (input: z.input<typeof updateCaseInput>) => api<CaseDto>(`/cases/${id}`, { method: 'PATCH', body: input }),
      onSuccess: store,
      onError,
    }),
    recordStep: useMutation({ mutationFn: (input: CaseStepInput) => api<CaseDto>(`/cases/${id}/steps`, { body: input }), onSuccess: store, onError }),
    approve: useMutation({ mutationFn: (version: number) => api<CaseDto>(`/cases/${id}/approve`, { body: { version } }), onSuccess: store, onError }),
    addRequest: useMutation({
      mutationFn: (input: z.input<typeof caseRequestInput>) => api<CaseDto>(`/cases/${id}/requests`, { body: input }),
      onSuccess: store,
      onError,
    }),
    recordReply: useMutation({
      mutationFn: ({ requestId, ...input }: z.input<typeof caseReplyInput> & { requestId: number }) => api<CaseDto>(`/case-requests/${requestId}/reply`, { body: input }),
      onSuccess: store,
      onError,
    }),
    /** The answer is the file's entry: added to the cached case's documents. */
    uploadFile: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData()
        form.append('file', file)
        return api<z.infer<typeof caseFileDto>>(`/cases/${id}/files`, { body: form })
      },
      onSuccess: (saved) => {
        qc.setQueryData<CaseDto>(caseKey(id), (c) => c && { ...c, files: [...c.files, saved] })
        return qc.invalidateQueries({ queryKey: accessKey(id) })
      },
      onError,
    }),
  }
}

export type CaseMutations = ReturnType<typeof useCaseMutations>

/** The case behind a number a committee member was given (no content, nothing audited as a read). */
export const lookupCase = (number: string) => api<z.infer<typeof caseLookupDto>>('/cases/lookup', { query: { number } })


/** Break-glass: the answer is the case, kept in the cache for the page to show (a plain read would be refused). */
export function useBreakGlass() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api<CaseDto>(`/cases/${id}/break-glass`, { body: { reason } }),
    onSuccess: (opened) => putAnswer(qc, caseKey(opened.id), opened),
  })
}

/** The list and the access history: for the case's owner and the board's head. */
export function useCaseAccess(id: number, enabled: boolean) {
  return useQuery({ queryKey: accessKey(id), queryFn: () => api<CaseAccess>(`/cases/${id}/access`), enabled })
}

/** Adding or removing answers the list and history as they now are. */
export function useAccessMutations(id: number) {
  const qc = useQueryClient()
  const onSuccess = (access: CaseAccess) => putAnswer(qc, accessKey(id), access)
  return {
    grant: useMutation({
      mutationFn: (who: { accountId: number } | { groupId: number }) => api<CaseAccess>(`/cases/${id}/access`, { body: who }),
      onSuccess,
    }),
    revoke: useMutation({ mutationFn: (entryId: number) => api<CaseAccess>(`/cases/${id}/access/${entryId}`, { method: 'DELETE' }), onSuccess }),
  }
}

// ---- named groups

export function useCaseGroups(enabled = true) {
  return useQuery({
    queryKey: CASE_GROUPS_KEY,
    queryFn: async () => (await api<z.infer<typeof caseGroupListDto>>('/case-groups')).items,
    enabled,
    staleTime: 60_000,
  })
}

type GroupChange = { groupId: number; accountId: number }

/** Every group write answers every group as it now is. */
export function useGroupMutations() {
  const qc = useQueryClient()
  const onSuccess = (list: z.infer<typeof caseGroupListDto>) => putAnswer(qc, CASE_GROUPS_KEY, list.items)
  const send = (path: string, method: 'POST' | 'DELETE' = 'POST', body?: unknown) => api<z.infer<typeof caseGroupListDto>>(path, { method, body })
  return {
    create: useMutation({ mutationFn: (name: string) => send('/case-groups', 'POST', { name }), onSuccess }),
    addMember: useMutation({ mutationFn: ({ groupId, accountId }: GroupChange) => send(`/case-groups/${groupId}/members`, 'POST', { accountId }), onSuccess }),
    removeMember: useMutation({ mutationFn: ({ groupId, accountId }: GroupChange) => send(`/case-groups/${groupId}/members/${accountId}`, 'DELETE'), onSuccess }),
    decide: useMutation({
      mutationFn: ({ requestId, decision }: { requestId: number; decision: 'approve' | 'refuse' }) => send(`/case-group-requests/${requestId}/${decision}`),
      onSuccess,
    }),
  }
}

// ---- the subject's own notices

/**
 * Notices addressed to me as the subject of a case. The server audits each call that returns some
 * as a read of them, so the menu asks once per session and the page again when it opens.
 */
export function useMyNotices(opts: { isPage?: boolean } = {}) {
  return useQuery({
    queryKey: MY_NOTICES_KEY,
    queryFn: async () => (await api<z.infer<typeof myCaseNoticeListDto>>('/me/case-notices')).items,
    staleTime: opts.isPage ? 0 : Infinity,
  })
}

/** The answer (the saved submission) is added to its notice in the cache. */
export function useSubmitToNotice() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ noticeId, ...input }: z.input<typeof submissionInput> & { noticeId: number }) =>
      api<z.infer<typeof caseSubmissionDto>>(`/case-notices/${noticeId}/submissions`, { body: input }),
    onSuccess: (saved, { noticeId }) =>
      qc.setQueryData<MyNotice[]>(MY_NOTICES_KEY, (list) => list?.map((n) => (n.id === noticeId ? { ...n, submissions: [...n.submissions, saved] } : n))),
  })
}
