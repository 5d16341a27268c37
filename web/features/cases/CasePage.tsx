import { Alert, App, Button, Card, Descriptions, Skeleton, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { CASE_LABELS } from '../../../contract/cases.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { AccessPanel } from './AccessPanel.tsx'
import { useCase, useCaseMutations, type CaseDto, type CaseMutations } from './api.ts'
import { CaseFiles } from './CaseFiles.tsx'
import { CaseNotes } from './CaseNotes.tsx'
import { CaseRequests } from './CaseRequests.tsx'
import { CaseKindTag, CaseStatusTag, DeadlineTags, OutcomeTag, usePurposeLabel, useStepLabel } from './CaseTags.tsx'
import { CaseTimeline } from './CaseTimeline.tsx'
import { NextStepForm } from './NextStepForm.tsx'
import { NoticeView } from './NoticeView.tsx'
import './cases.css'

/** May the committee member approve now: a concluded standards review, read from the list (not by break-glass). */
const isAwaitingApproval = (c: CaseDto) => c.kind === 'standards_review' && c.status === 'open' && c.step === 'conclusion'

function ApproveButton({ c, mutations }: { c: CaseDto; mutations: CaseMutations }) {
  const t = useT()
  const label = useLabel()
  const { modal, message } = App.useApp()
  const approve = () =>
    modal.confirm({
      title: t('cases.approveConfirm', { number: c.number }),
      content: t('cases.approveHint', { outcome: c.outcome ? label(CASE_LABELS.outcome[c.outcome]) : '', date: formatDate(c.validUntil) }),
      okText: t('cases.approve'),
      cancelText: t('common.cancel'),
      onOk: () =>
        mutations.approve.mutateAsync(c.version).then(
          () => message.success(t('cases.approved')),
          (e) => message.error(isApiError(e, 'CONFLICT') ? t('cases.conflict') : (e as Error).message),
        ),
    })
  return (
    <Button type="primary" onClick={approve} loading={mutations.approve.isPending} data-testid="approve-conclusion">
      {t('cases.approve')}
    </Button>
  )
}

function CaseHeader({ c, mutations }: { c: CaseDto; mutations: CaseMutations }) {
  const t = useT()
  const { data: me } = useMe()
  const units = useUnitIndex()
  const stepLabel = useStepLabel()
  const purposeLabel = usePurposeLabel()
  const canApprove = isAwaitingApproval(c) && !c.access.viaBreakGlass && hasAnyRole(me, ACCESS.casesApprove)
  const dash = <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Card size="small" data-testid="case-header">
      <div className="bvct-page-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">
            <Link to="/cases">{t('cases.title')}</Link> / {c.number}
          </Typography.Text>
          <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>{t('cases.pageTitle', { number: c.number })}</Typography.Title>
          <div className="bvct-tags">
            <CaseKindTag kind={c.kind} />
            <CaseStatusTag status={c.status} />
            {c.outcome && <OutcomeTag outcome={c.outcome} />}
          </div>
        </div>
        {canApprove && <div className="bvct-head-actions"><ApproveButton c={c} mutations={mutations} /></div>}
      </div>
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'purpose', label: t(c.kind === 'violation' ? 'cases.source' : 'cases.purpose'), children: purposeLabel(c.purpose) },
          { key: 'step', label: t('cases.step'), children: <span data-testid="case-step">{stepLabel(c.step)}</span> },
          { key: 'deadline', label: t('cases.deadline'), children: <DeadlineTags deadline={c.deadline} timeliness={c.timeliness} /> },
          { key: 'validUntil', label: t('cases.validUntil'), children: c.validUntil ? formatDate(c.validUntil) : dash },
          { key: 'openedOn', label: t('cases.openedOn'), children: formatDate(c.openedOn) },
          { key: 'owner', label: t('cases.owner'), children: c.owner },
          { key: 'requestingUnit', label: t('cases.requestingUnit'), children: c.requestingUnitId ? (units.byId.get(c.requestingUnitId)?.name ?? dash) : dash },
          ...(c.closedOn ? [{ key: 'closedOn', label: t('cases.closedOn'), children: formatDate(c.closedOn) }] : []),
          ...(c.approvedAt ? [{ key: 'approvedAt', label: t('cases.approvedAt'), children: formatDateTime(c.approvedAt) }] : []),
        ]}
      />
    </Card>
  )
}

/**
 * One confidential case, for the accounts on its list (and a committee member who has just opened
 * it by break-glass). Anyone else gets the app's ordinary not-found page: nothing says the case exists.
 */
export default function CasePage() {
  const t = useT()
  const id = Number(useParams().id)
  const { data: c, error, isPending } = useCase(id)
  const mutations = useCaseMutations(id)
  usePageTitle(c?.number ?? t('cases.title'))

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />
  if (!c) {
    if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
    return isApiError(error, 'NOT_FOUND') ? <NotFoundPage /> : <Alert type="error" showIcon title={error?.message} />
  }
  const isBreakGlass = c.access.viaBreakGlass
  const isReadOnly = isBreakGlass || c.status !== 'open'
  return (
    <div className="bvct-stack">
      {isBreakGlass && (
        <Alert type="error" showIcon title={t('cases.bg.banner')} description={t('cases.bg.bannerDetail')} data-testid="break-glass-banner" />
      )}
      {c.status === 'purged' && <Alert type="info" showIcon title={t('cases.purged')} />}
      <CaseHeader c={c} mutations={mutations} />
      <div className="bvct-case-grid">
        <div className="bvct-stack">
          <CaseNotes c={c} mutations={mutations} isReadOnly={isReadOnly} />
          <CaseTimeline c={c} />
          {!isReadOnly && c.nextSteps.length > 0 && <NextStepForm key={c.step} c={c} mutations={mutations} />}
          {!isBreakGlass && isAwaitingApproval(c) && <Alert type="info" showIcon title={t('cases.awaitingApproval')} />}
        </div>
        <div className="bvct-stack">
          <CaseRequests c={c} mutations={mutations} isReadOnly={isReadOnly} />
          <CaseFiles c={c} mutations={mutations} isReadOnly={isReadOnly} />
          {(c.kind === 'violation' || c.notices.length > 0) && (
            <Card size="small" title={t('cases.notices')} data-testid="case-notices">
              {c.notices.length === 0 ? (
                <Typography.Text type="secondary">{t('cases.notice.none')}</Typography.Text>
              ) : (
                <div className="bvct-stack bvct-stack-tight">{c.notices.map((n) => <NoticeView key={n.id} notice={n} />)}</div>
              )}
            </Card>
          )}
        </div>
      </div>
      {c.access.canManageAccess && !isBreakGlass && <AccessPanel c={c} />}
    </div>
  )
}
