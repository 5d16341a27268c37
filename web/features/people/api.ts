import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { createPersonInput, PersonDto, personPageDto, updatePersonInput } from '../../../contract/people.ts'
import { savedRecordCallbacks } from '../../api/cache.ts'
import { api } from '../../api/client.ts'

export const PEOPLE_KEY = ['people'] as const

export type PeoplePage = z.infer<typeof personPageDto>

/** The list's filters as the page holds them (flags as booleans: the client sends them as 1). */
export interface PeopleQuery {
  unitId?: number
  includeSubunits?: boolean
  q?: string
  includeInactive?: boolean
  limit: number
  offset: number
}

/** One page of people in scope, Vietnamese name order; `q` ignores diacritics. */
export const fetchPeople = (query: PeopleQuery) => api<PeoplePage>('/people', { query: { ...query } })

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', query],
    queryFn: () => fetchPeople(query),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  })
}

/** A short list of people matching `q`, for pickers. */
export function usePersonSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'search', q],
    queryFn: () => fetchPeople({ q, limit: 20, offset: 0 }),
    enabled,
    placeholderData: keepPreviousData,
  })
}

/** The saved person in place in the cached pages and pickers, which are marked stale; account rows show person names too. */
function useStorePerson() {
  return savedRecordCallbacks<PersonDto>(useQueryClient(), [[...PEOPLE_KEY, 'list'], [...PEOPLE_KEY, 'search']], { alsoStale: [['accounts']] })
}

export function useCreatePerson() {
  const store = useStorePerson()
  return useMutation({ mutationFn: (input: z.input<typeof createPersonInput>) => api<PersonDto>('/people', { body: input }), ...store })
}

export function useUpdatePerson() {
  const store = useStorePerson()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updatePersonInput> & { id: number }) => api<PersonDto>(`/people/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}
