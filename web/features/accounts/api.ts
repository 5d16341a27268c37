import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { AccountDto, accountListDto, createAccountInput, roleGrantInput, updateAccountInput } from '../../../contract/accounts.ts'
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
