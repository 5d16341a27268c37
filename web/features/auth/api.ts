import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { changePasswordInput, loginInput, Me, totpConfirmInput, totpDisableInput, totpSetupDto } from '../../../contract/auth.ts'
import type { okDto } from '../../../contract/common.ts'
import { api, isApiError, rememberCsrfToken } from '../../api/client.ts'
import { ME_KEY } from '../../api/query-client.ts'

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me')
    rememberCsrfToken(me.csrfToken)
    return me
  } catch (e) {
    if (isApiError(e, 'UNAUTHENTICATED')) {
      rememberCsrfToken(null)
      return null
    }
    throw e
  }
}

/** The signed-in user, or null when signed out. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 })
}

/**
 * Drops cached data of the previous user. `me` itself is kept and overwritten instead: removing
 * it would leave the app's observer on a dead query that never reports the new value.
 */
function forgetOtherQueries(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] })
}

export type SignInInput = z.input<typeof loginInput>
type Ok = z.infer<typeof okDto>

export function useSignIn() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: SignInInput) => api<Me>('/auth/login', { body: input }),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken)
      forgetOtherQueries(qc)
      qc.setQueryData(ME_KEY, me)
    },
  })
}

export function useSignOut() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api<Ok>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      rememberCsrfToken(null)
      forgetOtherQueries(qc)
      qc.setQueryData(ME_KEY, null)
    },
  })
}

export function useChangePassword() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: z.input<typeof changePasswordInput>) => api<Ok>('/auth/password', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  })
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => api<z.infer<typeof totpSetupDto>>('/auth/totp/setup', { method: 'POST' }) })
}

export function useConfirmTotp() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: z.input<typeof totpConfirmInput>) => api<Ok>('/auth/totp/confirm', { body: input }),
    // Confirming lifts the "set up two-factor first" lock: fetch `me` and everything else again.
    onSuccess: () => qc.invalidateQueries(),
  })
}

export function useDisableTotp() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: z.input<typeof totpDisableInput>) => api<Ok>('/auth/totp/disable', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  })
}
