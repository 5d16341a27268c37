import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateTextMaterialInput, MaterialDto, materialListDto, MaterialKind, MyDirectiveViewDto, MyPageDto, SessionMaterialsDto, UpdateMaterialInput,
} from '../../../contract/materials.ts'
import type { SessionDetailDto } from '../../../contract/dissemination.ts'
import type { z } from 'zod'
import { api, isApiError } from '../../api/client.ts'
import { sessionKey as disseminationSessionKey } from '../dissemination/api.ts'

export const MATERIALS_KEY = ['materials'] as const
const listKey = (directiveId: number) => [...MATERIALS_KEY, 'directive', directiveId] as const
const sessionKey = (sessionId: number) => [...MATERIALS_KEY, 'session', sessionId] as const
/** My page and the directives I read from it: what a person sees of their own. */
export const MY_PAGE_KEY = [...MATERIALS_KEY, 'mine'] as const
export const myDirectiveKey = (id: number) => [...MY_PAGE_KEY, 'directive', id] as const

export function useMaterials(directiveId: number, enabled = true) {
  return useQuery({
    queryKey: listKey(directiveId),
    queryFn: async () => (await api<z.infer<typeof materialListDto>>(`/directives/${directiveId}/materials`)).items,
    enabled,
  })
}

/**
 * A saved material (every write answers it) replaces its row in the directive's list; a person's
 * own page, which lists materials too, is marked stale.
 */
function useStoreMaterial() {
  const qc = useQueryClient()
  return (saved: MaterialDto) => {
    qc.setQueryData<MaterialDto[]>(listKey(saved.directiveId), (list) =>
      list && (list.some((m) => m.id === saved.id) ? list.map((m) => (m.id === saved.id ? saved : m)) : [...list, saved]),
    )
    return qc.invalidateQueries({ queryKey: MY_PAGE_KEY })
  }
}

export function useAddTextMaterial(directiveId: number) {
  const store = useStoreMaterial()
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateTextMaterialInput; idempotencyKey: string }) =>
      api<MaterialDto>(`/directives/${directiveId}/materials`, { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: store,
  })
}

/** The fields go first, then the file: the server checks them before reading the upload. */
export function useUploadMaterial(directiveId: number) {
  const store = useStoreMaterial()
  return useMutation({
    mutationFn: ({ kind, title, file }: { kind: MaterialKind; title: string; file: File }) => {
      const form = new FormData()
      form.append('kind', kind)
      form.append('title', title)
      form.append('file', file)
      return api<MaterialDto>(`/directives/${directiveId}/materials/file`, { body: form })
    },
    onSuccess: store,
  })
}

/** Someone else changed or removed the material meanwhile: the list is read again. */
function useRefreshOnConflict() {
  const qc = useQueryClient()
  return (e: unknown, { directiveId }: { directiveId: number }) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'NOT_FOUND')) void qc.invalidateQueries({ queryKey: listKey(directiveId) })
  }
}

export function useUpdateMaterial() {
  const store = useStoreMaterial()
  const onError = useRefreshOnConflict()
  return useMutation({
    mutationFn: ({ id, input }: { id: number; directiveId: number; input: UpdateMaterialInput }) => api<MaterialDto>(`/materials/${id}`, { method: 'PATCH', body: input }),
    onSuccess: store,
    onError,
  })
}

export function useDeleteMaterial() {
  const qc = useQueryClient()
  const onError = useRefreshOnConflict()
  return useMutation({
    mutationFn: ({ id, version }: { id: number; directiveId: number; version: number }) => api<{ ok: true }>(`/materials/${id}`, { method: 'DELETE', body: { version } }),
    onSuccess: (_, { id, directiveId }) => {
      qc.setQueryData<MaterialDto[]>(listKey(directiveId), (list) => list?.filter((m) => m.id !== id))
      return qc.invalidateQueries({ queryKey: MY_PAGE_KEY })
    },
    onError,
  })
}

export function useSessionMaterials(sessionId: number) {
  return useQuery({ queryKey: sessionKey(sessionId), queryFn: () => api<SessionMaterialsDto>(`/sessions/${sessionId}/materials`) })
}

/**
 * Linking materials is an edit of the session: the answer carries the session's new version, which
 * goes into the open session's cache so its next edit is not refused. The directive's list counts
 * the sessions that used each material, so it is marked stale.
 */
export function useLinkSessionMaterials(directiveId: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, version, materialIds }: { sessionId: number; version: number; materialIds: number[] }) =>
      api<SessionMaterialsDto>(`/sessions/${sessionId}/materials`, { method: 'PUT', body: { version, materialIds } }),
    onSuccess: (saved) => {
      qc.setQueryData(sessionKey(saved.sessionId), saved)
      qc.setQueryData<SessionDetailDto>(disseminationSessionKey(saved.sessionId), (s) => s && { ...s, version: saved.version })
      return qc.invalidateQueries({ queryKey: listKey(directiveId) })
    },
    onError: (e, { sessionId }) => {
      if (isApiError(e, 'CONFLICT')) void qc.invalidateQueries({ queryKey: disseminationSessionKey(sessionId) })
    },
  })
}

export function useMyPage() {
  return useQuery({ queryKey: MY_PAGE_KEY, queryFn: () => api<MyPageDto>('/me/page') })
}

export function useMyDirective(id: number) {
  return useQuery({ queryKey: myDirectiveKey(id), queryFn: () => api<MyDirectiveViewDto>(`/me/directives/${id}`), enabled: !!id })
}
