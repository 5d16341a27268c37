import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PersonCategory, PersonDto } from '../../../contract/people.ts'
import { api } from '../../api/client.ts'

export const PEOPLE_KEY = ['people'] as const

export interface PeopleQuery {
  unitId?: number
  includeSubunits?: boolean
  q?: string
  includeInactive?: boolean
  limit: number
  offset: number
}

export interface PeoplePage {
  items: PersonDto[]
  total: number
}

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', query],
    queryFn: () => api<PeoplePage>('/people', { query: { ...query } }),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  })
}

/** A short list of people matching `q`, for pickers. */
export function usePersonSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'search', q],
    queryFn: () => api<PeoplePage>('/people', { query: { q, limit: 20 } }),
    enabled,
    placeholderData: keepPreviousData,
  })
}

export interface PersonInput {
  fullName: string
  unitId: number
  position?: string
  category: PersonCategory
  isPartyMember?: boolean
  email?: string | null
}

function useRefresh() {
  const qc = useQueryClient()
  // Account rows show person names too.
  return () => Promise.all([qc.invalidateQueries({ queryKey: PEOPLE_KEY }), qc.invalidateQueries({ queryKey: ['accounts'] })])
}

export function useCreatePerson() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (input: PersonInput) => api<PersonDto>('/people', { body: input }), onSuccess: refresh })
}

export function useUpdatePerson() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<PersonInput> & { id: number; version: number; isActive?: boolean }) =>
      api<PersonDto>(`/people/${id}`, { method: 'PATCH', body: input }),
    onSettled: refresh,
  })
}
