import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './client.ts'

/** Query key of the signed-in user; `null` data means signed out. */
export const ME_KEY = ['me'] as const

/**
 * One QueryClient for the app. A session that ends (expiry, sign-out elsewhere, password changed
 * on another device) makes any call answer 401: dropping `me` shows the sign-in page at once.
 * 403 MFA_SETUP_REQUIRED means `me` is stale and must be fetched again.
 */
export function createQueryClient(): QueryClient {
  // Called only after the client below exists.
  const onError = (e: unknown) => {
    if (!(e instanceof ApiError)) return
    if (e.code === 'UNAUTHENTICATED') client.setQueryData(ME_KEY, null)
    if (e.code === 'MFA_SETUP_REQUIRED' || e.code === 'PASSWORD_CHANGE_REQUIRED') void client.invalidateQueries({ queryKey: ME_KEY })
  }
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change by asking again.
        retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  })
  return client
}
