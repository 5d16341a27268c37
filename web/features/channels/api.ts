import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { channelRegisterDto, channelRegisterQuery, ChannelDto, ChannelReviewInput, CreateChannelInput, retireChannelInput, UpdateChannelInput } from '../../../contract/channels.ts'
import type { CybersecurityDto } from '../../../contract/incidents.ts'
import { storeInLists } from '../../api/cache.ts'
import { api, isApiError } from '../../api/client.ts'

export type { ChannelDto, ChannelSummaryDto } from '../../../contract/channels.ts'
export type ChannelRegister = z.infer<typeof channelRegisterDto>
/** The register's filters as the page holds them (`twoFactor: '0'`: some admin without a second factor). */
export type ChannelFilters = Partial<Omit<z.output<typeof channelRegisterQuery>, 'under'>> & { under?: number }

export const CHANNELS_KEY = ['channels'] as const
const listsKey = [...CHANNELS_KEY, 'register'] as const
export const channelKey = (id: number) => [...CHANNELS_KEY, 'detail', id] as const
/** The board's view is shared with the incidents page; a channel or incident write makes it stale. */
export const CYBERSECURITY_KEY = ['cybersecurity'] as const

/** A page of the register in the caller's scope (or under a unit), filtered and searched by the server. */
export function useChannelRegister(filters: ChannelFilters) {
  return useQuery({
    queryKey: [...listsKey, filters],
    queryFn: () => api<ChannelRegister>('/channels/register', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  })
}

export function useChannel(id: number) {
  return useQuery({ queryKey: channelKey(id), queryFn: () => api<ChannelDto>(`/channels/${id}`), enabled: Number.isInteger(id) && id > 0 })
}

/** Channels by status and incidents with their times, one row per unit subtree under `under`. */
export function useCybersecurity(under: number | undefined) {
  return useQuery({
    queryKey: [...CYBERSECURITY_KEY, { under }],
    queryFn: () => api<CybersecurityDto>('/cybersecurity', { query: { under } }),
    placeholderData: keepPreviousData,
  })
}

/** A write answers the whole channel: it replaces the cached one and its register row; counts go stale. */
async function storeChannel(qc: QueryClient, saved: ChannelDto) {
  await qc.cancelQueries({ queryKey: channelKey(saved.id), exact: true })
  qc.setQueryData(channelKey(saved.id), saved)
  return Promise.all([storeInLists(qc, saved, [listsKey]), qc.invalidateQueries({ queryKey: CYBERSECURITY_KEY }), qc.invalidateQueries({ queryKey: ['overview'] })])
}

export function useRegisterChannel() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateChannelInput; key: string }) => api<ChannelDto>('/channels', { body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: (saved) => storeChannel(qc, saved),
  })
}

/** Edit, retire and review one channel; a stale version (409) reads the channel again. */
export function useChannelMutations(id: number) {
  const qc = useQueryClient()
  const store = (saved: ChannelDto) => storeChannel(qc, saved)
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: channelKey(id) })
  }
  return {
    update: useMutation({ mutationFn: (input: UpdateChannelInput) => api<ChannelDto>(`/channels/${id}`, { method: 'PATCH', body: input }), onSuccess: store, onError }),
    retire: useMutation({ mutationFn: (input: z.output<typeof retireChannelInput>) => api<ChannelDto>(`/channels/${id}/retire`, { body: input }), onSuccess: store, onError }),
    review: useMutation({
      mutationFn: ({ input, key }: { input: ChannelReviewInput; key: string }) => api<ChannelDto>(`/channels/${id}/reviews`, { body: input, headers: { 'Idempotency-Key': key } }),
      onSuccess: store,
      onError,
    }),
  }
}

