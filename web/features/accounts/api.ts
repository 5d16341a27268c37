import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AccountDto, accountListDto, createAccountInput, roleGrantInput, roleRequestListDto, updateAccountInput } from '../../../contract/accounts.ts'
import { savedRecordCallbacks } from '../../api/cache.ts'
import { api } from '../../api/client.ts'

export const ACCOUNTS_KEY = ['accounts'] as const

/** Up to 500 accounts matching `q` (username or person name); the server does not page further. */
export function useAccounts(q: string, opts: { enabled?: boolean; limit?: number } = {}) {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, q, opts.limit ?? 500],
    queryFn: async () => (await api<z.infer<typeof accountListDto>>('/accounts', { query: { q, limit: opts.limit ?? 500 } })).items,
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  })
}

/**
 * Every account write answers the saved account: it goes in place into the cached lists, which are
 * marked stale (a new account belongs in them).
 */
function useStoreAccount() {
  return savedRecordCallbacks<AccountDto>(useQueryClient(), [ACCOUNTS_KEY])
}

export function useCreateAccount() {
  const store = useStoreAccount()
  return useMutation({ mutationFn: (input: z.input<typeof createAccountInput>) => api<AccountDto>('/accounts', { body: input }), ...store })
}

export function useUpdateAccount() {
  const store = useStoreAccount()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateAccountInput> & { id: number }) => api<AccountDto>(`/accounts/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}

export function useGrantRole() {
  const store = useStoreAccount()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof roleGrantInput> & { id: number }) => api<AccountDto>(`/accounts/${id}/roles`, { body: input }),
    ...store,
  })
}

export function useRevokeRole() {
  const store = useStoreAccount()
  return useMutation({
    mutationFn: ({ id, grantId }: { id: number; grantId: number }) => api<AccountDto>(`/accounts/${id}/roles/${grantId}`, { method: 'DELETE' }),
    ...store,
  })
}

export const ROLE_REQUESTS_KEY = ['role-requests'] as const

/** Requests for committee, board and auditor roles waiting for a second person (a committee member). */
export function useRoleRequests() {
  return useQuery({ queryKey: ROLE_REQUESTS_KEY, queryFn: async () => (await api<z.infer<typeof roleRequestListDto>>('/role-requests')).items })
}

/**
 * Approve or refuse: the answer is the list still waiting, written into the cache as it is; the
 * accounts lists are marked stale (a role was granted, or a pending one went away).
 */
export function useDecideRoleRequest() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'approve' | 'refuse' }) => api<z.infer<typeof roleRequestListDto>>(`/role-requests/${id}/${decision}`, { method: 'POST' }),
    onSuccess: async (left) => {
      qc.setQueryData(ROLE_REQUESTS_KEY, left.items)
      await qc.invalidateQueries({ queryKey: ACCOUNTS_KEY })
    },
    onError: () => qc.invalidateQueries({ queryKey: ROLE_REQUESTS_KEY }),
  })
}
