import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  assignmentSummaryDto, type assignChecklistInput, type assignedDto, type assignmentListQuery, type assignmentPageDto, type AssignmentDto, type checklistAnswersInput,
  type checklistTemplateInput, type checklistTemplateListDto, type ChecklistTemplateDto,
} from '../../../contract/checklists.ts'
import type { InspectionFileDto } from '../../../contract/inspections.ts'
import { storeInLists } from '../../api/cache.ts'
import { api, isApiError } from '../../api/client.ts'

export type { AssignmentDto, AssignmentSummaryDto, ChecklistTemplateDto } from '../../../contract/checklists.ts'
export type TemplateRow = z.infer<typeof checklistTemplateListDto>['items'][number]
export type AssignmentFilters = Omit<z.output<typeof assignmentListQuery>, 'limit' | 'offset'> & { limit?: number; offset?: number }

export const CHECKLISTS_KEY = ['checklists'] as const
const templatesKey = [...CHECKLISTS_KEY, 'templates'] as const
const templateKey = (id: number) => [...CHECKLISTS_KEY, 'template', id] as const
const assignmentsKey = [...CHECKLISTS_KEY, 'assignments'] as const
export const assignmentKey = (id: number) => [...CHECKLISTS_KEY, 'assignment', id] as const

export function useTemplates(enabled = true) {
  return useQuery({ queryKey: templatesKey, queryFn: async () => (await api<z.infer<typeof checklistTemplateListDto>>('/checklist-templates')).items, enabled })
}

export function useTemplate(id: number | null) {
  return useQuery({ queryKey: templateKey(id ?? 0), queryFn: () => api<ChecklistTemplateDto>(`/checklist-templates/${id}`), enabled: !!id })
}

/** A page of the rounds of the units the caller reaches (the server scopes, filters and pages), latest due first. */
export function useAssignments(filters: AssignmentFilters) {
  return useQuery({
    queryKey: [...assignmentsKey, filters],
    queryFn: () => api<z.infer<typeof assignmentPageDto>>('/checklist-assignments', { query: { ...filters } }),
    placeholderData: (previous) => previous,
  })
}

export function useAssignment(id: number) {
  return useQuery({ queryKey: assignmentKey(id), queryFn: () => api<AssignmentDto>(`/checklist-assignments/${id}`), enabled: Number.isInteger(id) && id > 0 })
}

/** A new template answers itself: it goes into the cache and the list is read again. */
export function useCreateTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ key, ...input }: z.input<typeof checklistTemplateInput> & { key: string }) =>
      api<ChecklistTemplateDto>('/checklist-templates', { body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: (saved) => {
      qc.setQueryData(templateKey(saved.id), saved)
      return qc.invalidateQueries({ queryKey: templatesKey })
    },
  })
}

/** Assigning answers the new rounds; the round lists and the template's count are read again. */
export function useAssignTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ templateId, key, ...input }: z.input<typeof assignChecklistInput> & { templateId: number; key: string }) =>
      api<z.infer<typeof assignedDto>>(`/checklist-templates/${templateId}/assignments`, { body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: (_, { templateId }) =>
      Promise.all([qc.invalidateQueries({ queryKey: assignmentsKey }), qc.invalidateQueries({ queryKey: templatesKey }), qc.invalidateQueries({ queryKey: templateKey(templateId) })]),
  })
}

/**
 * A round's writes answer the whole round: it replaces the cached one and its row in the lists.
 * Submitting makes findings and corrective actions, so those lists (and the overview) are marked
 * stale. A refusal because the round moved on (someone else's save) reads it again.
 */
export function useAssignmentMutations(id: number) {
  const qc = useQueryClient()
  const store = async (saved: AssignmentDto) => {
    await qc.cancelQueries({ queryKey: assignmentKey(id), exact: true })
    qc.setQueryData(assignmentKey(id), saved)
    await storeInLists(qc, assignmentSummaryDto.parse(saved), [assignmentsKey])
  }
  const onError = (e: unknown) => {
    if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void qc.invalidateQueries({ queryKey: assignmentKey(id) })
  }
  return {
    saveAnswers: useMutation({
      mutationFn: (input: z.input<typeof checklistAnswersInput>) => api<AssignmentDto>(`/checklist-assignments/${id}/answers`, { method: 'PUT', body: input }),
      onSuccess: store,
      onError,
    }),
    submit: useMutation({
      mutationFn: (version: number) => api<AssignmentDto>(`/checklist-assignments/${id}/submit`, { body: { version } }),
      onSuccess: async (saved) => {
        await store(saved)
        await Promise.all([qc.invalidateQueries({ queryKey: ['corrective-actions'] }), qc.invalidateQueries({ queryKey: ['overview'] })])
      },
      onError,
    }),
    /** The answer is the file's entry, added to the round's files; an answer names it by id when saved. */
    uploadFile: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData()
        form.append('file', file)
        return api<InspectionFileDto>(`/checklist-assignments/${id}/files`, { body: form })
      },
      onSuccess: (saved) => qc.setQueryData<AssignmentDto>(assignmentKey(id), (a) => a && { ...a, files: [...a.files, saved] }),
      onError,
    }),
  }
}

export type AssignmentMutations = ReturnType<typeof useAssignmentMutations>
