import { Button, Tag, Typography } from 'antd'
import type { ReportCheck } from '../../../contract/reports.ts'
import { useT } from '../../i18n/useT.ts'
import { SaveIndicator } from './DraftStatus.tsx'
import type { DraftEditor } from './useDraftEditor.ts'
import type { ReportWorkflow } from './useReportWorkflow.tsx'

/**
 * The bar that stays under the header while a long report scrolls: whether the text is saved,
 * how many problems the checks found, and the next step (submit, or return / accept).
 */
export function ReportBar({ canEdit, canSubmit, canReview, editor, checks, workflow }: {
  canEdit: boolean
  canSubmit: boolean
  canReview: boolean
  editor: DraftEditor
  checks: ReportCheck[]
  workflow: ReportWorkflow
}) {
  const t = useT()
  if (!canEdit && !canReview) return null
  const errors = checks.filter((c) => c.severity === 'error').length
  const warnings = checks.length - errors
  const toChecks = () => document.getElementById('report-checks')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  return (
    <div className="bvct-rep-bar" data-testid="report-bar">
      {canEdit && <SaveIndicator state={editor.state} onRetry={() => void editor.save()} />}
      {canReview && <Typography.Text strong>{t('reports.review.waiting')}</Typography.Text>}
      {canEdit && (errors > 0 || warnings > 0) && (
        <span className="bvct-rep-tags" onClick={toChecks} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && toChecks()} style={{ cursor: 'pointer' }} title={t('reports.checks.title')}>
          {errors > 0 && <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('reports.checks.errors', { count: errors })}</Tag>}
          {warnings > 0 && <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('reports.checks.warnings', { count: warnings })}</Tag>}
        </span>
      )}
      <span className="bvct-rep-bar-actions">
        {canEdit && (editor.state.kind === 'dirty' || editor.state.kind === 'error') && (
          <Button onClick={() => void editor.save()} data-testid="save-now">
            {t('reports.save.now')}
          </Button>
        )}
        {canEdit && !canSubmit && <Typography.Text type="secondary" className="bvct-rep-bar-hint">{t('reports.submit.headOnly')}</Typography.Text>}
        {canSubmit && (
          <Button type="primary" onClick={workflow.submit} loading={workflow.isSubmitting} disabled={editor.state.kind === 'conflict'} data-testid="submit-report">
            {t('reports.submit.button')}
          </Button>
        )}
        {canReview && (
          <>
            <Button danger onClick={() => workflow.reviewForm.submit()} loading={workflow.isReturning} data-testid="return-report">
              {t('reports.review.return')}
            </Button>
            <Button type="primary" onClick={workflow.accept} loading={workflow.isAccepting} data-testid="accept-report">
              {t('reports.review.accept')}
            </Button>
          </>
        )}
      </span>
    </div>
  )
}
