import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AccountDto } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import { api } from '../../api/client.ts'

export const ACCOUNTS_KEY = ['accounts'] as const

/** Up to 500 accounts matching `q` (username or person name); the server does not page further. */
export function useAccounts(q: string, opts: { enabled?: boolean; limit?: number } = {}) {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, q, opts.limit ?? 500],
    queryFn: async () => (await api<{ items: AccountDto[] }>('/accounts', { query: { q, limit: opts.limit ?? 500 } })).items,
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  })
}

function useRefresh() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: ACCOUNTS_KEY })
}

export interface CreateAccountInput {
  username: string
  personId?: number | null
  password: string
  roles: { role: Role; unitId: number }[]
}

export function useCreateAccount() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: CreateAccountInput) => api<AccountDto>('/accounts', { body: input }), onSuccess: refresh })
}

export function useUpdateAccount() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; isActive?: boolean; resetPassword?: string }) =>
      api<AccountDto>(`/accounts/${id}`, { method: 'PATCH', body: input }),
    onSettled: refresh,
  })
}

export function useGrantRole() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; role: Role; unitId: number }) => api<AccountDto>(`/accounts/${id}/roles`, { body: input }),
    onSettled: refresh,
  })
}

export function useRevokeRole() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, grantId }: { id: number; grantId: number }) => api<AccountDto>(`/accounts/${id}/roles/${grantId}`, { method: 'DELETE' }),
    onSettled: refresh,
  })
}
