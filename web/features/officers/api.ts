import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AttendanceDto, CertificateDto, CourseDetailDto, CourseDto, OfficerDetailDto, OfficerDto, OfficerGapsDto, TrainingStatus, addAttendeeInput,
  createCourseInput, createOfficerInput, updateAttendanceInput, updateCourseInput, updateOfficerInput,
} from '../../../contract/officers.ts'
import { savedRecordCallbacks } from '../../api/cache.ts'
import { api, downloadFile } from '../../api/client.ts'

export const OFFICERS_KEY = ['officers'] as const
export const COURSES_KEY = ['training-courses'] as const
/** The positions page's roll-up counts officers too. */
const READINESS_KEY = ['readiness'] as const

export interface OfficerQuery {
  unitId?: number
  under?: number
  trainingStatus?: TrainingStatus
  includeFormer?: boolean
  q?: string
}

export function useOfficers(query: OfficerQuery) {
  return useQuery({
    queryKey: [...OFFICERS_KEY, 'list', query],
    queryFn: () => api<{ items: OfficerDto[]; total: number }>('/officers', { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}

export function useOfficer(id: number | undefined) {
  return useQuery({ queryKey: [...OFFICERS_KEY, 'detail', id], queryFn: () => api<OfficerDetailDto>(`/officers/${id}`), enabled: !!id })
}

export function useOfficerGaps(under?: number, enabled = true) {
  return useQuery({ queryKey: [...OFFICERS_KEY, 'gaps', under ?? null], queryFn: () => api<OfficerGapsDto>('/officers/gaps', { query: { under } }), enabled })
}

export const exportOfficers = (under?: number) => downloadFile('/officers.xlsx', { under }, 'can-bo-bvctnb.xlsx')

/** A saved officer in place in the roster; the gaps, their detail and the roll-up change with it. */
function useStoreOfficer() {
  return savedRecordCallbacks<OfficerDto>(useQueryClient(), [[...OFFICERS_KEY, 'list']], { alsoStale: [[...OFFICERS_KEY, 'gaps'], [...OFFICERS_KEY, 'detail'], READINESS_KEY] })
}

export function useCreateOfficer() {
  const store = useStoreOfficer()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: z.input<typeof createOfficerInput> & { idempotencyKey: string }) =>
      api<OfficerDto>('/officers', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    ...store,
  })
}

export function useUpdateOfficer() {
  const store = useStoreOfficer()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateOfficerInput> & { id: number }) => api<OfficerDto>(`/officers/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}

// ---- courses

export function useCourses(q?: string) {
  return useQuery({
    queryKey: [...COURSES_KEY, 'list', q ?? ''],
    queryFn: () => api<{ items: CourseDto[]; total: number }>('/training-courses', { query: { q, limit: 1000 } }),
    placeholderData: keepPreviousData,
  })
}

const courseKey = (id: number) => [...COURSES_KEY, 'detail', id] as const

export function useCourse(id: number) {
  return useQuery({ queryKey: courseKey(id), queryFn: () => api<CourseDetailDto>(`/training-courses/${id}`) })
}

function useStoreCourse() {
  return savedRecordCallbacks<CourseDto>(useQueryClient(), [[...COURSES_KEY, 'list']], { alsoStale: [[...COURSES_KEY, 'detail']] })
}

export function useCreateCourse() {
  const store = useStoreCourse()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...input }: z.input<typeof createCourseInput> & { idempotencyKey: string }) =>
      api<CourseDto>('/training-courses', { body: input, headers: { 'idempotency-key': idempotencyKey } }),
    ...store,
  })
}

export function useUpdateCourse() {
  const store = useStoreCourse()
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateCourseInput> & { id: number }) => api<CourseDto>(`/training-courses/${id}`, { method: 'PATCH', body: input }),
    ...store,
  })
}

/**
 * Attendance changes an officer's training status: the saved attendance goes into the course on
 * screen, and the roster, gaps and roll-up read again.
 */
function useAttendanceStore(courseId: number) {
  const qc = useQueryClient()
  const stale = () => Promise.all([OFFICERS_KEY, READINESS_KEY, [...COURSES_KEY, 'list']].map((queryKey) => qc.invalidateQueries({ queryKey })))
  const put = (saved: AttendanceDto) =>
    qc.setQueryData<CourseDetailDto>(courseKey(courseId), (c) => {
      if (!c) return c
      const isHeld = c.attendees.some((a) => a.id === saved.id)
      const attendees = isHeld ? c.attendees.map((a) => (a.id === saved.id ? saved : a)) : [...c.attendees, saved]
      return { ...c, attendees, attendeeCount: attendees.length }
    })
  return {
    onSaved: (saved: AttendanceDto) => {
      put(saved)
      return stale()
    },
    onRemoved: (id: number) => {
      qc.setQueryData<CourseDetailDto>(courseKey(courseId), (c) => c && { ...c, attendees: c.attendees.filter((a) => a.id !== id), attendeeCount: c.attendeeCount - 1 })
      return stale()
    },
    onConflict: () => qc.invalidateQueries({ queryKey: courseKey(courseId) }),
  }
}

export function useAddAttendee(courseId: number) {
  const store = useAttendanceStore(courseId)
  return useMutation({
    mutationFn: (input: z.input<typeof addAttendeeInput>) => api<AttendanceDto>(`/training-courses/${courseId}/attendees`, { body: input }),
    onSuccess: store.onSaved,
  })
}

export function useUpdateAttendance(courseId: number) {
  const store = useAttendanceStore(courseId)
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof updateAttendanceInput> & { id: number }) => api<AttendanceDto>(`/training-attendance/${id}`, { method: 'PATCH', body: input }),
    onSuccess: store.onSaved,
    onError: store.onConflict,
  })
}

export function useRemoveAttendee(courseId: number) {
  const store = useAttendanceStore(courseId)
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<{ ok: true }>(`/training-attendance/${id}`, { method: 'DELETE', body: { version } }),
    onSuccess: (_, { id }) => store.onRemoved(id),
    onError: store.onConflict,
  })
}

/** A certificate file onto an attendance; the course shows it at once. */
export function useUploadCertificate(courseId: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ attendanceId, file }: { attendanceId: number; file: File }) => {
      const form = new FormData()
      form.append('file', file)
      return api<CertificateDto>(`/training-attendance/${attendanceId}/certificates`, { body: form })
    },
    onSuccess: (cert, { attendanceId }) => {
      qc.setQueryData<CourseDetailDto>(courseKey(courseId), (c) => c && { ...c, attendees: c.attendees.map((a) => (a.id === attendanceId ? { ...a, certificates: [...a.certificates, cert] } : a)) })
      return qc.invalidateQueries({ queryKey: [...OFFICERS_KEY, 'detail'] })
    },
  })
}

export const downloadCertificate = (cert: CertificateDto) => downloadFile(`/training-certificates/${cert.id}`, undefined, cert.filename)
