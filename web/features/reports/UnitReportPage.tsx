import { Alert, Button, Card, Col, Form, Input, Result, Row, Skeleton, Tag, Typography } from 'antd'
import { useCallback, useMemo } from 'react'
import { Link, useParams } from 'react-router'
import type { ReportSection, ReportStatus } from '../../../contract/reports.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { unitExportPath, usePeriod, useReport, type PeriodDetail, type ReportDetail, type SectionField } from './api.ts'
import { ChecksCard, scrollToSection } from './ChecksCard.tsx'
import { DownloadButton } from './DownloadButton.tsx'
import { conflictFields, type FieldKey } from './draft.ts'
import { ConflictBanner } from './DraftStatus.tsx'
import { FiguresPanel } from './FiguresPanel.tsx'
import { ReportBar } from './ReportBar.tsx'
import { SectionEditor, TheirText, type FieldConflict } from './SectionEditor.tsx'
import { SectionView } from './SectionView.tsx'
import { isSubmittedLate, LateSubmissionTag, ReportStatusTag } from './StatusTags.tsx'
import { useDraftEditor, useEarlierSavePending } from './useDraftEditor.ts'
import { useReportChecks, useReportWorkflow } from './useReportWorkflow.tsx'
import { VersionsCard } from './VersionsCard.tsx'
import './reports.css'

const EDITABLE_STATUSES: ReportStatus[] = ['notDue', 'draft', 'late', 'returned']

/** A unit's report in a period: the editor while it is a draft or returned, the read-only view and the board's review otherwise. */
export default function UnitReportPage() {
  const t = useT()
  const params = useParams()
  const periodId = Number(params.id)
  const unitId = Number(params.unitId)
  const period = usePeriod(periodId)
  const isEarlierSavePending = useEarlierSavePending(periodId, unitId)
  const report = useReport(periodId, unitId, !isEarlierSavePending)
  const index = useUnitIndex()
  usePageTitle(report.data ? t('reports.reportOf', { unit: report.data.unitName }) : t('reports.title'))

  const error = period.error ?? report.error
  if (error)
    return isApiError(error, 'NOT_FOUND') ? (
      <Result status="404" title={t('reports.reportNotFound')} extra={<Link to="/reports">{t('reports.backToList')}</Link>} />
    ) : (
      <Alert type="error" showIcon title={error.message} />
    )
  if (!period.data || !report.data || index.isPending) return <Skeleton active paragraph={{ rows: 14 }} />

  const d = report.data
  // A new key when the report moves between editing and reviewing, so the editor starts from the stored text.
  const phase = EDITABLE_STATUSES.includes(d.status) ? 'edit' : d.status
  return <ReportWorkspace key={`${phase}-${d.versions.length}`} period={period.data} detail={d} readAt={new Date(report.dataUpdatedAt).toISOString()} />
}

function ReportWorkspace({ period, detail, readAt }: { period: PeriodDetail; detail: ReportDetail; readAt: string }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const index = useUnitIndex()
  const isEditableStatus = EDITABLE_STATUSES.includes(detail.status) && period.status === 'open'
  const canEdit = isEditableStatus && holdsRoleOver(me, ACCESS.reportsEdit, detail.unitId, index.parentOf)
  const canSubmit = canEdit && holdsRoleOver(me, ACCESS.reportsSubmit, detail.unitId, index.parentOf)
  const canReview = detail.status === 'submitted' && !!detail.id && holdsRoleOver(me, ACCESS.reportsReview, period.ownerUnitId, index.parentOf)

  const editor = useDraftEditor(period.id, detail.unitId, detail, canEdit)
  const content = canEdit ? editor.content : detail.draft
  const latest = detail.versions.at(-1)
  const comments = detail.status === 'returned' && latest?.reviewStatus === 'returned' ? latest.reviewComments : undefined
  const sectionComment = (s: ReportSection) => comments?.sections?.[String(s.requirementId)]?.trim() || undefined

  const { checks, clearSubmitChecks, setSubmitChecks } = useReportChecks(detail, content.sections, canEdit)
  const workflow = useReportWorkflow({ period, detail, editor, checks, setSubmitChecks })
  const errorSections = useMemo(() => new Set(checks.filter((c) => c.severity === 'error' && c.requirementId).map((c) => c.requirementId!)), [checks])

  const { setContent } = editor
  const onSectionChange = useCallback(
    (requirementId: number, field: SectionField, value: string) => {
      clearSubmitChecks()
      setContent((d) => ({ ...d, sections: d.sections.map((s) => (s.requirementId === requirementId ? { ...s, [field]: value } : s)) }))
    },
    [setContent, clearSubmitChecks],
  )

  // After a refused save: the other person's text for each part that differs, by section.
  const conflict = editor.state.kind === 'conflict' ? editor.state.current : null
  const differences = useMemo(() => (conflict ? conflictFields(editor.base, editor.content, conflict.draft) : new Map<FieldKey, FieldConflict>()), [conflict, editor.base, editor.content])
  const conflictsBySection = useMemo(() => {
    const out = new Map<number, Partial<Record<SectionField, FieldConflict>>>()
    for (const [key, c] of differences) {
      if (key === 'proposals') continue
      const [id, field] = key.split('.') as [string, SectionField]
      out.set(Number(id), { ...out.get(Number(id)), [field]: c })
    }
    return out
  }, [differences])
  const other = conflict ? { by: conflict.updatedBy ?? t('reports.conflict.someone'), at: conflict.updatedAt } : undefined

  const groups = useMemo(() => {
    const out: { directiveId: number; sections: ReportSection[] }[] = []
    for (const s of content.sections) {
      const g = out.find((x) => x.directiveId === s.directiveId)
      if (g) g.sections.push(s)
      else out.push({ directiveId: s.directiveId, sections: [s] })
    }
    return out
  }, [content.sections])
  const numberOf = (directiveId: number) => detail.figures.find((f) => f.directiveId === directiveId)?.number ?? `#${directiveId}`
  const labelOf = (requirementId: number) => content.sections.find((s) => s.requirementId === requirementId)?.label

  const firstSubmitted = detail.versions[0]?.submittedAt ?? null
  const isFrozen = !isEditableStatus && detail.versions.length > 0

  const sections = groups.map((g) => (
    <section key={g.directiveId} className="bvct-rep-group">
      <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
        {t('reports.directiveHeading', { number: numberOf(g.directiveId) })}
      </Typography.Title>
      <div style={{ display: 'grid', gap: 12 }}>
        {g.sections.map((s) =>
          canEdit ? (
            <SectionEditor
              key={s.requirementId}
              section={s}
              onChange={onSectionChange}
              boardComment={sectionComment(s)}
              hasError={errorSections.has(s.requirementId)}
              conflicts={conflictsBySection.get(s.requirementId)}
              other={other}
            />
          ) : (
            <SectionView key={s.requirementId} section={s} boardComment={sectionComment(s)} isReviewing={canReview} />
          ),
        )}
      </div>
    </section>
  ))

  const proposalsConflict = differences.get('proposals')
  const proposals = (
    <Card size="small" title={t('reports.generalProposals')} id="report-proposals">
      {canEdit ? (
        <div className={proposalsConflict ? 'bvct-rep-conflict-pair' : undefined}>
          <Input.TextArea
            value={content.proposals}
            onChange={(e) => {
              const value = e.target.value
              setContent((d) => ({ ...d, proposals: value }))
            }}
            autoSize={{ minRows: 2, maxRows: 12 }}
            maxLength={20000}
            placeholder={t('reports.generalProposalsHint')}
            aria-label={t('reports.generalProposals')}
          />
          {proposalsConflict && other && <TheirText conflict={proposalsConflict} other={other} onUse={() => setContent((d) => ({ ...d, proposals: proposalsConflict.theirs }))} />}
        </div>
      ) : (
        <span className="bvct-rep-pre">{content.proposals.trim() ? content.proposals : '—'}</span>
      )}
    </Card>
  )

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card size="small" data-testid="report-header">
        <div className="bvct-rep-head">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/reports">{t('reports.title')}</Link> / <Link to={`/reports/${period.id}`}>{period.title}</Link> /
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>
              {t('reports.reportOf', { unit: detail.unitName })}
            </Typography.Title>
            <div className="bvct-rep-tags">
              <ReportStatusTag status={detail.status} />
              <Tag color={detail.status === 'late' ? 'error' : undefined} style={{ marginInlineEnd: 0 }}>
                {t('reports.deadlineOn', { date: formatDate(detail.deadline) })}
              </Tag>
              {isSubmittedLate({ firstSubmittedAt: firstSubmitted }, detail.deadline) && <LateSubmissionTag />}
              {detail.draftUpdatedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reports.lastEdited', { by: detail.draftUpdatedBy ?? '—', at: formatDateTime(detail.draftUpdatedAt) })}
                </Typography.Text>
              )}
            </div>
          </div>
          {detail.id && (
            <div className="bvct-rep-head-actions">
              <DownloadButton path={unitExportPath(detail.id)} fileName={`bao-cao-${detail.id}.docx`} label={t('reports.exportDocx')} testId="download-unit-docx" />
            </div>
          )}
        </div>
      </Card>

      <ReportBar
        canEdit={canEdit}
        canSubmit={canSubmit}
        canReview={canReview}
        editor={editor}
        checks={checks}
        workflow={workflow}
      />

      {canEdit && editor.restorable && (
        <Alert
          type="warning"
          showIcon
          data-testid="restore-banner"
          title={t('reports.restore.title', { at: formatDateTime(editor.restorable.at) })}
          description={t('reports.restore.hint')}
          action={
            <span className="bvct-rep-tags">
              <Button size="small" type="primary" onClick={editor.restore}>{t('reports.restore.restore')}</Button>
              <Button size="small" onClick={editor.discardRestorable}>{t('reports.restore.discard')}</Button>
            </span>
          }
        />
      )}
      {conflict && (
        <ConflictBanner
          current={conflict}
          differences={differences.size}
          isSaving={editor.state.kind === 'saving'}
          onKeepMine={() => void editor.keepMine()}
          onTakeTheirs={editor.takeTheirs}
          onShowFirst={() => {
            const first = [...differences.keys()][0]
            if (first === 'proposals') document.getElementById('report-proposals')?.scrollIntoView({ behavior: 'smooth' })
            else if (first) scrollToSection(Number(first.split('.')[0]))
          }}
        />
      )}

      {period.status === 'closed' && <Alert type="info" showIcon title={t('reports.periodClosed')} />}
      {comments && latest && (
        <Alert
          type="warning"
          showIcon
          data-testid="returned-banner"
          title={t('reports.review.returnedTitle', { number: latest.number, at: formatDateTime(latest.reviewedAt), by: latest.reviewedBy ?? '—' })}
          description={
            <div style={{ display: 'grid', gap: 6 }}>
              {comments.general && <span className="bvct-rep-pre">{comments.general}</span>}
              {content.sections.some((s) => sectionComment(s)) && (
                <span className="bvct-rep-tags">
                  {t('reports.review.commentedSections')}
                  {content.sections.filter((s) => sectionComment(s)).map((s) => (
                    <Typography.Link key={s.requirementId} onClick={() => scrollToSection(s.requirementId)}>
                      {s.label}
                    </Typography.Link>
                  ))}
                </span>
              )}
            </div>
          }
        />
      )}
      {detail.status === 'submitted' && latest && !canReview && (
        <Alert type="info" showIcon title={t('reports.submittedWaiting', { number: latest.number, at: formatDateTime(latest.submittedAt) })} />
      )}
      {detail.status === 'accepted' && latest && (
        <Alert type="success" showIcon data-testid="accepted-banner" title={t('reports.acceptedOn', { number: latest.number, at: formatDateTime(latest.reviewedAt), by: latest.reviewedBy ?? '—' })} />
      )}
      {detail.status === 'late' && <Alert type="error" showIcon title={t('reports.lateBanner', { date: formatDate(detail.deadline) })} />}
      {isEditableStatus && !canEdit && <Alert type="info" showIcon title={t(detail.status === 'returned' ? 'reports.draftBeingFixed' : 'reports.draftNotSubmitted')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {canReview ? (
            <Form form={workflow.reviewForm} layout="vertical" onFinish={workflow.returnReport} scrollToFirstError={{ behavior: 'smooth', block: 'center' }}>
              <div style={{ display: 'grid', gap: 16 }}>
                {sections}
                {proposals}
                <Card size="small" title={t('reports.review.title')} id="report-review" data-testid="review-card">
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('reports.review.hint')}</Typography.Paragraph>
                  {workflow.returnError && <Alert type="error" showIcon title={workflow.returnError} style={{ marginBottom: 12 }} role="alert" />}
                  <Form.Item name="comment" label={t('reports.review.general')} rules={workflow.commentRules}>
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('reports.review.generalHint')} data-testid="review-general" />
                  </Form.Item>
                </Card>
              </div>
            </Form>
          ) : (
            <Form layout="vertical" component={false}>
              <div style={{ display: 'grid', gap: 16 }}>
                {sections}
                {proposals}
              </div>
            </Form>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <div className={isPhone ? 'bvct-rep-side' : 'bvct-rep-side bvct-rep-side-wide'}>
            {(canEdit || detail.status !== 'notDue') && <ChecksCard checks={checks} labelOf={labelOf} title={isFrozen ? t('reports.checks.atSubmission') : undefined} />}
            <FiguresPanel
              figures={detail.figures}
              asOf={isFrozen ? (latest?.submittedAt ?? null) : readAt}
              isFrozen={isFrozen}
              claimed={content.claimedFigures}
              onClaimedChange={canEdit ? (next) => setContent((d) => ({ ...d, claimedFigures: next })) : undefined}
            />
            <VersionsCard reportId={detail.id} versions={detail.versions} />
          </div>
        </Col>
      </Row>
    </div>
  )
}
