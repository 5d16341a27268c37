import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { z } from 'zod'
import type { versionInput } from '../../../contract/common.ts'
import type { createUnitInput, moveUnitInput, UnitDto, unitListDto, UnitNodeDto, updateUnitInput } from '../../../contract/units.ts'
import { savedRecordCallbacks } from '../../api/cache.ts'
import { api } from '../../api/client.ts'

export const UNITS_KEY = ['units'] as const

/**
 * Every unit in the caller's scope, inactive ones included: the tree hides them client-side, and
 * pickers and scope checks need the whole parent chain. ~200 rows, so one request serves all.
 */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: async () => (await api<z.infer<typeof unitListDto>>('/units', { query: { includeInactive: true } })).items,
    staleTime: 60_000,
    enabled,
  })
}

/** Levels of the tree, by parent (null: the top of the caller's scope); outside UNITS_KEY, so a saved unit is not appended to them. */
export const UNIT_LEVELS_KEY = ['unitLevels'] as const

/**
 * The tree a level at a time: for each parent (null for the top), its children with their child
 * counts (GET /units/children). The unit page shows the first level without waiting for every unit.
 */
export function useUnitLevels(parentIds: (number | null)[], includeInactive: boolean, enabled = true) {
  return useQueries({
    queries: parentIds.map((parentId) => ({
      enabled,
      queryKey: [...UNIT_LEVELS_KEY, parentId, includeInactive],
      queryFn: async () =>
        (await api<{ items: UnitNodeDto[] }>('/units/children', { query: { parentId: parentId ?? undefined, includeInactive: includeInactive || undefined } })).items,
      staleTime: 60_000,
    })),
  })
}

export interface UnitIndex {
  items: UnitDto[]
  byId: Map<number, UnitDto>
  parentOf: (id: number) => number | null
}

/** The unit list with lookups by id and up the tree; `enabled` false asks nothing (an empty index). */
export function useUnitIndex(enabled = true): UnitIndex & { isPending: boolean } {
  const { data, isPending } = useUnits(enabled)
  return useMemo(() => {
    const items = data ?? []
    const byId = new Map(items.map((u) => [u.id, u]))
    return { items, byId, parentOf: (id: number) => byId.get(id)?.parentId ?? null, isPending }
  }, [data, isPending])
}

/**
 * Every unit write answers the saved unit: it goes in place into the unit list (appended when new),
 * which is marked stale too, since a move or a deactivation changes the whole subtree under it.
 * People and account rows show unit names.
 */
function useStoreUnit() {
  return savedRecordCallbacks<UnitDto>(useQueryClient(), [UNITS_KEY], { isAppended: true, alsoStale: [UNIT_LEVELS_KEY, ['people'], ['accounts']] })
}

export function useCreateUnit() {
  const store = useStoreUnit()
  return useMutation({ mutationFn: (input: z.input<typeof createUnitInput>) => api<UnitDto>('/units', { body: input }), ...store })
}

export function useUpdateUnit() {
  const store = useStoreUnit()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateUnitInput> & { id: number }) => api<UnitDto>(`/units/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}

export function useMoveUnit() {
  const store = useStoreUnit()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof moveUnitInput> & { id: number }) => api<UnitDto>(`/units/${id}/move`, { body: input }),
    ...store,
  })
}

export function useSetUnitActive() {
  const store = useStoreUnit()
  return useMutation({
    mutationFn: ({ id, version, isActive }: z.input<typeof versionInput> & { id: number; isActive: boolean }) =>
      api<UnitDto>(`/units/${id}/${isActive ? 'activate' : 'deactivate'}`, { body: { version } }),
    ...store,
  })
}
