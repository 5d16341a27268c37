import { Alert, Button, Card, Descriptions, Result, Skeleton, Tag, Tooltip, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { CORRECTIVE_VERIFY_ROLES } from '../../../contract/corrective-actions.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useCorrective, useCorrectiveHistory, useCorrectiveMutations, type CorrectiveDto } from './api.ts'
import { CorrectiveStatusTag, DueDates, SourceLink, TimelinessTag } from './CorrectiveTags.tsx'
import { DecideExtensionModal, ExtensionModal, ReportDoneModal, ReturnModal, VerifyModal } from './CorrectiveModals.tsx'
import { EvidenceCard, ExtensionsCard, HistoryCard } from './CorrectivePanels.tsx'
import { historyFromAction, historyFromAudit } from './history.ts'

type Dialog =
  | { kind: 'report' | 'verify' | 'return' | 'extension' }
  | { kind: 'decide'; extension: CorrectiveDto['extensions'][number]; decision: 'approve' | 'refuse' }
  | null

/**
 * One corrective action: the finding it answers, its due dates, the unit's evidence and report, the
 * board's verification or return, extension requests, and what happened so far.
 */
export default function CorrectiveActionPage() {
  const t = useT()
  const isPhone = useIsPhone()
  const id = Number(useParams().id)
  const { data: me } = useMe()
  const index = useUnitIndex()
  const { data: action, error, isPending } = useCorrective(id)
  const canReadAudit = hasAnyRole(me, ACCESS.audit)
  const audit = useCorrectiveHistory(id, canReadAudit && !!action)
  const mutations = useCorrectiveMutations(id)
  const [dialog, setDialog] = useState<Dialog>(null)
  usePageTitle(action ? `${t('corrective.nav')} · ${action.unitName}` : t('corrective.nav'))
  const history = useMemo(() => {
    if (!action) return []
    return audit.data ? historyFromAudit(audit.data) : historyFromAction(action)
  }, [action, audit.data])

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (error) return isApiError(error, 'NOT_FOUND') ? <Result status="404" title={t('corrective.notFound')} /> : <Alert type="error" showIcon title={error.message} />

  const pending = action.extensions.find((x) => x.status === 'pending')
  const canDecide = holdsRoleOver(me, CORRECTIVE_VERIFY_ROLES, action.unitId, index.parentOf)
  const { canReport, canVerify } = action.access
  const hasEvidence = action.evidence.length > 0

  return (
    <div className="bvct-stack">
      <Card size="small" data-testid="corrective-header">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Text type="secondary">
              <Link to="/corrective-actions">{t('corrective.nav')}</Link> / #{action.id}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="corrective-title">{action.title}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{action.unitName}</Typography.Paragraph>
            <div className="bvct-tags">
              <CorrectiveStatusTag status={action.status} />
              <TimelinessTag value={action.timeliness} />
              {pending && <Tag color="gold">{t('corrective.extensionPending', { date: formatDate(pending.requestedDueDate) })}</Tag>}
            </div>
          </div>
          <div className="bvct-head-actions">
            {canReport && !pending && <Button onClick={() => setDialog({ kind: 'extension' })} data-testid="request-extension">{t('corrective.requestExtension')}</Button>}
            {canReport && (
              <Tooltip title={hasEvidence ? undefined : t('corrective.evidenceFirst')}>
                <Button type="primary" disabled={!hasEvidence} onClick={() => setDialog({ kind: 'report' })} data-testid="report-done">{t('corrective.reportDone')}</Button>
              </Tooltip>
            )}
            {canVerify && (
              <>
                <Button danger onClick={() => setDialog({ kind: 'return' })} data-testid="return-action">{t('corrective.return')}</Button>
                <Button type="primary" onClick={() => setDialog({ kind: 'verify' })} data-testid="verify-action">{t('corrective.verify')}</Button>
              </>
            )}
          </div>
        </div>
        {action.status === 'returned' && action.returnComment && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('corrective.returnedBanner')} description={<span className="bvct-prose">{action.returnComment}</span>} data-testid="returned-banner" />
        )}
        {action.status === 'reported' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('corrective.reportedBanner', { date: formatDate(action.completedOn) })}
            description={action.reportNote && <span className="bvct-prose">{action.reportNote}</span>}
            data-testid="reported-banner"
          />
        )}
        {action.status === 'closed' && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={t('corrective.closedBanner', { date: formatDate(action.closedOn) })}
            description={action.verifyNote ? <span className="bvct-prose">{action.verifyNote}</span> : undefined}
            data-testid="closed-banner"
          />
        )}
        {canReport && !hasEvidence && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('corrective.evidenceFirst')} />}
      </Card>

      <Card size="small" title={t('corrective.finding')} data-testid="corrective-finding">
        <Typography.Paragraph className="bvct-prose" type={action.findingText ? undefined : 'secondary'}>
          {action.findingText ?? t('corrective.noFinding')}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          items={[
            { key: 'source', label: t('corrective.source'), children: <SourceLink a={action} /> },
            { key: 'unit', label: t('corrective.unit'), children: action.unitName },
            { key: 'due', label: t('corrective.due'), children: <DueDates dueDate={action.dueDate} effectiveDueDate={action.effectiveDueDate} /> },
            ...(action.completedOn ? [{ key: 'completed', label: t('corrective.completedOn'), children: formatDate(action.completedOn) }] : []),
            ...(action.closedOn ? [{ key: 'closed', label: t('corrective.closedOn'), children: formatDate(action.closedOn) }] : []),
          ]}
        />
      </Card>

      <EvidenceCard action={action} mutations={mutations} />
      <ExtensionsCard action={action} canDecide={canDecide} onDecide={(extension, decision) => setDialog({ kind: 'decide', extension, decision })} />
      <HistoryCard entries={history} isLatestOnly={!audit.data} />

      {dialog?.kind === 'report' && <ReportDoneModal action={action} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'verify' && <VerifyModal action={action} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'return' && <ReturnModal action={action} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'extension' && <ExtensionModal action={action} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'decide' && <DecideExtensionModal extension={dialog.extension} decision={dialog.decision} mutations={mutations} onClose={() => setDialog(null)} />}
    </div>
  )
}
