import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AlertDto, PositionDetailDto, PositionDto, PositionImportResultDto, ReadinessDto, VettingStatus, assignHolderInput, createPositionInput,
  updatePositionInput, vacateInput,
} from '../../../contract/positions.ts'
import { savedRecordCallbacks } from '../../api/cache.ts'
import { api, downloadFile } from '../../api/client.ts'

export const POSITIONS_KEY = ['positions'] as const
const ALERTS_KEY = ['position-alerts'] as const
const READINESS_KEY = ['readiness'] as const

/** The register's filters: one unit's own register (`unitId`) or a subtree (`under`). */
export interface PositionQuery {
  unitId?: number
  under?: number
  vetting?: VettingStatus
  q?: string
  includeClosed?: boolean
}

export function usePositions(query: PositionQuery) {
  return useQuery({
    queryKey: [...POSITIONS_KEY, 'list', query],
    queryFn: () => api<{ items: PositionDto[]; total: number }>('/positions', { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function usePosition(id: number) {
  return useQuery({ queryKey: [...POSITIONS_KEY, 'detail', id], queryFn: () => api<PositionDetailDto>(`/positions/${id}`) })
}

/** Open alerts (holders without a current conclusion) in scope, or under one unit. */
export function usePositionAlerts(under?: number) {
  return useQuery({ queryKey: [...ALERTS_KEY, under ?? null], queryFn: () => api<{ items: AlertDto[] }>('/position-alerts', { query: { under } }) })
}

export function useReadiness(unitId: number | undefined) {
  return useQuery({
    queryKey: [...READINESS_KEY, unitId],
    queryFn: () => api<ReadinessDto>(`/units/${unitId}/readiness`),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  })
}

/**
 * A saved position goes in place into the cached registers; its detail, the alerts and the
 * roll-up change with it (a new holder can raise or clear an alert), so they read again.
 */
function useStorePosition() {
  return savedRecordCallbacks<PositionDto>(useQueryClient(), [[...POSITIONS_KEY, 'list']], { alsoStale: [[...POSITIONS_KEY, 'detail'], ALERTS_KEY, READINESS_KEY] })
}

export function useCreatePosition() {
  const store = useStorePosition()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: z.input<typeof createPositionInput> & { idempotencyKey: string }) =>
      api<PositionDto>('/positions', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    ...store,
  })
}

export function useUpdatePosition() {
  const store = useStorePosition()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updatePositionInput> & { id: number }) => api<PositionDto>(`/positions/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}

export function useAssignHolder() {
  const store = useStorePosition()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof assignHolderInput> & { id: number }) => api<PositionDto>(`/positions/${id}/holder`, { body: input }),
    ...store,
  })
}

export function useVacatePosition() {
  const store = useStorePosition()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof vacateInput> & { id: number }) => api<PositionDto>(`/positions/${id}/vacate`, { body: input }),
    ...store,
  })
}

/** All or nothing: on success every register, alert and roll-up reads again. */
export function useImportRegister() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ unitId, file, idempotencyKey }: { unitId: number; file: File; idempotencyKey: string }) => {
      const form = new FormData()
      form.append('file', file)
      return api<PositionImportResultDto>(`/units/${unitId}/positions/import`, { body: form, headers: { 'idempotency-key': idempotencyKey } })
    },
    onSuccess: () => Promise.all([POSITIONS_KEY, ALERTS_KEY, READINESS_KEY].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  })
}

export const exportRegister = (query: PositionQuery) => downloadFile('/positions.xlsx', { ...query }, 'vi-tri-trong-yeu.xlsx')
