import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { UnitDto, UnitKind } from '../../../contract/units.ts'
import { api } from '../../api/client.ts'

export const UNITS_KEY = ['units'] as const

/**
 * Every unit in the caller's scope, inactive ones included: the tree hides them client-side, and
 * pickers and scope checks need the whole parent chain. ~200 rows, so one request serves all.
 */
export function useUnits() {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: async () => (await api<{ items: UnitDto[] }>('/units', { query: { includeInactive: true } })).items,
    staleTime: 60_000,
  })
}

export interface UnitIndex {
  items: UnitDto[]
  byId: Map<number, UnitDto>
  parentOf: (id: number) => number | null
}

/** The unit list with lookups by id and up the tree. */
export function useUnitIndex(): UnitIndex & { isPending: boolean } {
  const { data, isPending } = useUnits()
  return useMemo(() => {
    const items = data ?? []
    const byId = new Map(items.map((u) => [u.id, u]))
    return { items, byId, parentOf: (id: number) => byId.get(id)?.parentId ?? null, isPending }
  }, [data, isPending])
}

/** Unit names appear in people and account lists too; refresh those after a change. */
function useRefreshAfterChange() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: UNITS_KEY }),
      qc.invalidateQueries({ queryKey: ['people'] }),
      qc.invalidateQueries({ queryKey: ['accounts'] }),
    ])
}

export function useCreateUnit() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: (input: { parentId: number; name: string; code: string; kind: UnitKind }) => api<UnitDto>('/units', { body: input }),
    onSettled: refresh,
  })
}

export function useUpdateUnit() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; name?: string; kind?: UnitKind }) =>
      api<UnitDto>(`/units/${id}`, { method: 'PATCH', body: input }),
    // Settled, not success: a version conflict also needs the fresh tree.
    onSettled: refresh,
  })
}

export function useMoveUnit() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number; version: number; parentId: number }) => api<UnitDto>(`/units/${id}/move`, { body: input }),
    onSettled: refresh,
  })
}

export function useSetUnitActive() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ id, version, isActive }: { id: number; version: number; isActive: boolean }) =>
      api<UnitDto>(`/units/${id}/${isActive ? 'activate' : 'deactivate'}`, { body: { version } }),
    onSettled: refresh,
  })
}
