import { App, Form } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { returnReportInput, type ReportCheck, type ReportSection } from '../../../contract/reports.ts'
import { isApiError } from '../../api/client.ts'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { translate } from '../../i18n/translate.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useReportActions, type DraftConflict, type PeriodDetail, type ReportDetail } from './api.ts'
import { scrollToSection } from './ChecksCard.tsx'
import { liveChecks } from './draft.ts'
import type { DraftEditor } from './useDraftEditor.ts'

/**
 * The checks to show: while editing, "no narrative" follows the text on screen and the rest comes
 * from the last save (or from a refused submit); once submitted, the checks frozen with the version.
 */
export function useReportChecks(detail: ReportDetail, sections: ReportSection[], isEditing: boolean) {
  const [submitChecks, setSubmitChecks] = useState<ReportCheck[] | null>(null)
  const checks = useMemo(() => {
    if (!isEditing) return detail.status === 'submitted' || detail.status === 'accepted' ? (detail.versions.at(-1)?.checks ?? detail.checks) : detail.checks
    return liveChecks(sections, submitChecks ?? detail.checks, (label) => ({
      message: translate('vi', 'reports.checks.noNarrative', { label }),
      messageEn: translate('en', 'reports.checks.noNarrative', { label }),
    }))
  }, [detail, sections, isEditing, submitChecks])
  const clearSubmitChecks = useCallback(() => setSubmitChecks(null), [])
  return { checks, clearSubmitChecks, setSubmitChecks }
}

interface ReviewValues {
  comment?: string
  sectionComments?: Record<string, string | undefined>
}

/** Submit (unit head), return with comments and accept (board): the report's moves, with their confirmations. */
export function useReportWorkflow({ period, detail, editor, checks, setSubmitChecks }: {
  period: PeriodDetail
  detail: ReportDetail
  editor: DraftEditor
  checks: ReportCheck[]
  setSubmitChecks: (c: ReportCheck[] | null) => void
}) {
  const t = useT()
  const lang = useLang()
  const { modal, message } = App.useApp()
  const actions = useReportActions(period.id, detail.unitId)
  const [reviewForm] = Form.useForm<ReviewValues>()

  const sendSubmit = async () => {
    // The text on screen is what goes up: store it first (this also creates a report never saved).
    if (!(await editor.save(editor.reportId() === null))) {
      message.error(t('reports.submit.notSaved'))
      return
    }
    try {
      const answer = await actions.submit.mutateAsync({ reportId: editor.reportId()!, version: editor.version() })
      message.success(t(answer.submitted.isNew ? 'reports.submit.done' : 'reports.submit.already', { number: answer.submitted.number }))
    } catch (e) {
      if (isApiError(e, 'VALIDATION') && Array.isArray(e.details.checks)) {
        const refused = e.details.checks as ReportCheck[]
        setSubmitChecks(refused)
        message.error(t('reports.submit.blocked', { count: refused.filter((c) => c.severity === 'error').length }))
        const first = refused.find((c) => c.severity === 'error' && c.requirementId)
        if (first) scrollToSection(first.requirementId!)
      } else if (isApiError(e, 'CONFLICT') && (e.details.current as DraftConflict | undefined)?.draft) {
        editor.showConflict(e.details.current as DraftConflict)
      } else {
        message.error(e instanceof Error ? e.message : String(e))
      }
    }
  }

  const submit = () => {
    const errors = checks.filter((c) => c.severity === 'error')
    if (errors.length) {
      message.error(t('reports.submit.fixFirst', { count: errors.length }))
      const first = errors.find((c) => c.requirementId)
      if (first) scrollToSection(first.requirementId!)
      return
    }
    const warnings = checks.filter((c) => c.severity === 'warning')
    modal.confirm({
      title: t('reports.submit.confirm'),
      content: (
        <div>
          <p>{t('reports.submit.hint')}</p>
          {warnings.length > 0 && (
            <>
              <p>{t('reports.submit.withWarnings', { count: warnings.length })}</p>
              <ul className="bvct-rep-confirm-list">
                {warnings.map((w, i) => (
                  <li key={i}>{lang === 'en' ? w.messageEn : w.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ),
      okText: t('reports.submit.button'),
      cancelText: t('common.cancel'),
      width: 520,
      onOk: sendSubmit,
    })
  }

  const { submit: sendReturn, error: returnError } = useFormSubmit(
    reviewForm,
    returnReportInput,
    (input) => actions.returnReport.mutateAsync({ reportId: detail.id!, version: input.version, comment: input.comment, sectionComments: input.sectionComments }),
    { onConflict: () => void actions.reload() },
  )

  const returnReport = async (v: ReviewValues) => {
    const all = { ...reviewForm.getFieldsValue(true), ...v } as ReviewValues
    const sectionComments = Object.fromEntries(
      Object.entries(all.sectionComments ?? {})
        .map(([id, c]) => [id, (c ?? '').trim()] as const)
        .filter(([, c]) => c),
    )
    const done = await sendReturn({ version: detail.version, comment: all.comment?.trim() ?? '', sectionComments })
    if (done) message.success(t('reports.review.returned', { unit: detail.unitName }))
  }

  const accept = () =>
    modal.confirm({
      title: t('reports.review.acceptConfirm', { unit: detail.unitName }),
      content: t('reports.review.acceptHint'),
      okText: t('reports.review.accept'),
      cancelText: t('common.cancel'),
      onOk: () =>
        actions.accept.mutateAsync({ reportId: detail.id!, version: detail.version }).then(
          () => message.success(t('reports.review.accepted', { unit: detail.unitName })),
          (e) => {
            if (isApiError(e, 'CONFLICT') || isApiError(e, 'INVALID_STATE')) void actions.reload()
            message.error(e instanceof Error ? e.message : String(e))
          },
        ),
    })

  return {
    submit,
    isSubmitting: actions.submit.isPending,
    reviewForm,
    returnReport,
    returnError,
    isReturning: actions.returnReport.isPending,
    commentRules: [zodRule(returnReportInput.shape.comment, lang, { required: true })],
    accept,
    isAccepting: actions.accept.isPending,
  }
}

export type ReportWorkflow = ReturnType<typeof useReportWorkflow>
