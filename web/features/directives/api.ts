import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { Me } from '../../../contract/auth.ts'
import type { ParsedDirective, ParseSourceKind } from '../../../contract/directive-parse.ts'
import type {
  acknowledgementDto, AddresseeDto, addresseeListDto, closeDirectiveInput, DirectiveDto, directiveInput, directiveListQuery, directivePageDto, issueDirectiveInput,
  updateDirectiveInput,
} from '../../../contract/directives.ts'
import type { ParserAccuracyDto } from '../../../contract/parser-accuracy.ts'
import { api, isApiError } from '../../api/client.ts'
import { ME_KEY } from '../../api/query-client.ts'

export const DIRECTIVES_KEY = ['directives'] as const
const PARSER_ACCURACY_KEY = ['parser-accuracy'] as const
const listsKey = [...DIRECTIVES_KEY, 'list'] as const
const detailKey = (id: number | undefined) => [...DIRECTIVES_KEY, 'detail', id] as const
const addresseesKey = (id: number | undefined) => [...DIRECTIVES_KEY, 'addressees', id] as const

export type DirectiveListQuery = z.output<typeof directiveListQuery>

export function useDirectives(query: DirectiveListQuery) {
  return useQuery({
    queryKey: [...listsKey, query],
    queryFn: () => api<z.infer<typeof directivePageDto>>('/directives', { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function useDirective(id: number | undefined) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api<DirectiveDto>(`/directives/${id}`),
    enabled: !!id,
  })
}

export function useAddressees(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: addresseesKey(id),
    queryFn: async () => (await api<z.infer<typeof addresseeListDto>>(`/directives/${id}/addressees`)).items,
    enabled: !!id && enabled,
  })
}

/** Pasted text or an uploaded file, read by the server's parser; nothing is saved. */
export function useParseDirective() {
  return useMutation({
    mutationFn: (input: { text: string } | { file: File }) => {
      if ('text' in input) return api<ParsedDirective>('/directives/parse', { body: { text: input.text } })
      const form = new FormData()
      form.append('file', input.file)
      return api<ParsedDirective>('/directives/parse', { body: form })
    },
  })
}

/**
 * A saved directive (every write answers it) goes into its own cache entry; the lists, which show
 * its number, subject and status, are marked stale. A refused write because someone else changed
 * the directive reads it again.
 */
function useStoreDirective() {
  const qc = useQueryClient()
  return {
    store: (saved: DirectiveDto) => {
      qc.setQueryData(detailKey(saved.id), saved)
      return qc.invalidateQueries({ queryKey: listsKey })
    },
    onError: (e: unknown, { id }: { id?: number }) => {
      if (id && isApiError(e, 'CONFLICT')) void qc.invalidateQueries({ queryKey: detailKey(id) })
    },
  }
}

/**
 * Saves a new draft. The key is made once per form, so pressing Save again after a lost answer
 * returns the draft already stored instead of a second copy.
 */
export function useCreateDirective() {
  const qc = useQueryClient()
  const { store } = useStoreDirective()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: z.input<typeof directiveInput>; idempotencyKey: string }) =>
      api<DirectiveDto>('/directives', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    // A parsed letter just confirmed counts in the parser's accuracy.
    onSuccess: (saved) => Promise.all([store(saved), qc.invalidateQueries({ queryKey: PARSER_ACCURACY_KEY })]),
  })
}

export function useUpdateDirective() {
  const { store, onError } = useStoreDirective()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateDirectiveInput> & { id: number }) => api<DirectiveDto>(`/directives/${id}`, { method: 'PATCH', body: input }),
    onSuccess: store,
    onError,
  })
}

/** Issuing also fills the addressee list and the dashboard's rows: both are marked stale. */
export function useIssueDirective() {
  const qc = useQueryClient()
  const { store, onError } = useStoreDirective()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof issueDirectiveInput> & { id: number }) => api<DirectiveDto>(`/directives/${id}/issue`, { body: input }),
    onSuccess: (saved) =>
      Promise.all([store(saved), qc.invalidateQueries({ queryKey: addresseesKey(saved.id) }), qc.invalidateQueries({ queryKey: ['matrix'] })]),
    onError,
  })
}

export function useCloseDirective() {
  const { store, onError } = useStoreDirective()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof closeDirectiveInput> & { id: number }) => api<DirectiveDto>(`/directives/${id}/close`, { body: input }),
    onSuccess: store,
    onError,
  })
}

/**
 * The acknowledgement goes into the unit's addressee row: by me when it is new (whether it was late
 * does not change: not acknowledged by the due date stays late), else the row is read again to
 * show who did it first. The dashboard and the overdue list are marked stale.
 */
export function useAcknowledge() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, unitId }: { id: number; unitId: number }) => api<z.infer<typeof acknowledgementDto>>(`/directives/${id}/acknowledge`, { body: { unitId } }),
    onSuccess: ({ acknowledgedAt, isNew }, { id, unitId }) => {
      const by = qc.getQueryData<Me | null>(ME_KEY)?.username ?? null
      if (isNew) qc.setQueryData<AddresseeDto[]>(addresseesKey(id), (list) => list?.map((a) => (a.unitId === unitId ? { ...a, acknowledgedAt, acknowledgedBy: by } : a)))
      else void qc.invalidateQueries({ queryKey: addresseesKey(id) })
      return Promise.all([qc.invalidateQueries({ queryKey: ['matrix'] }), qc.invalidateQueries({ queryKey: ['overdue'] })])
    },
  })
}

/** Per field and month or week, how often the parser's proposal was confirmed unchanged. */
export function useParserAccuracy(query: { period: 'month' | 'week'; kind?: ParseSourceKind; periods?: number }) {
  return useQuery({
    queryKey: [...PARSER_ACCURACY_KEY, query],
    queryFn: () => api<ParserAccuracyDto>('/admin/parser-accuracy', { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}
