import { Alert, App, Button, Card, Empty, Result, Skeleton, Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { ActionDto, PlanDto } from '../../../contract/plans.ts'
import { TIMELINESS } from '../../../contract/timeliness.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useDirective } from '../directives/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { ActionDrawer } from './ActionDrawer.tsx'
import { ActionItem } from './ActionItem.tsx'
import { usePlan, usePlanMutations } from './api.ts'
import { ExtensionModal, type ExtensionTarget } from './ExtensionModal.tsx'
import { ExtensionsCard } from './ExtensionsCard.tsx'
import { DecideExtensionModal, ReturnPlanModal } from './ReviewModals.tsx'
import { CellStatusTag, PlanStatusTag } from './StatusTags.tsx'

type Requirement = PlanDto['requirements'][number]
type Dialog =
  | { kind: 'action'; requirement: Requirement; action?: ActionDto }
  | { kind: 'extension'; target: ExtensionTarget }
  | { kind: 'return' }
  | { kind: 'decide'; id: number; decision: 'approve' | 'refuse' }
  | null

/** A unit's implementation plan for one directive: actions per requirement, progress, review. */
export default function PlanPage() {
  const t = useT()
  const { modal, message } = App.useApp()
  const params = useParams()
  const directiveId = Number(params.id)
  const unitId = Number(params.unitId)
  const { data: me } = useMe()
  const index = useUnitIndex()
  const directive = useDirective(directiveId)
  const { data: plan, error, isPending } = usePlan(directiveId, unitId)
  const mutations = usePlanMutations(directiveId, unitId)
  const [dialog, setDialog] = useState<Dialog>(null)
  usePageTitle(plan ? `${t('plans.title')} · ${plan.unitName}` : t('plans.title'))

  const pendingByAction = useMemo(() => new Map((plan?.extensions ?? []).filter((x) => x.status === 'pending' && x.actionId).map((x) => [x.actionId!, x])), [plan])
  const pendingRequirements = useMemo(() => new Set((plan?.extensions ?? []).filter((x) => x.status === 'pending' && x.requirementId).map((x) => x.requirementId!)), [plan])

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />
  if (error)
    return isApiError(error, 'NOT_FOUND') ? <Result status="404" title={t('plans.notFound')} /> : <Alert type="error" showIcon title={error.message} />

  const isIssued = directive.data?.status === 'issued'
  const canEdit = isIssued && holdsRoleOver(me, ACCESS.plansEdit, unitId, index.parentOf)
  const canSubmit = isIssued && holdsRoleOver(me, ACCESS.plansSubmit, unitId, index.parentOf)
  const canReview = !!directive.data && holdsRoleOver(me, ACCESS.plansReview, directive.data.ownerUnitId, index.parentOf)
  const isStructureOpen = plan.status === 'draft' || plan.status === 'returned'
  const missing = plan.requirements.filter((r) => !r.actions.length)
  const isPlanLate = isStructureOpen && dayjs().format('YYYY-MM-DD') > plan.planDueDate
  const allActions = plan.requirements.flatMap((r) => r.actions)
  const report = (e: unknown) => {
    if (isApiError(e, 'CONFLICT')) message.warning(t('plans.conflict'))
    else if (isApiError(e) && Object.keys(e.fields).length) message.error(Object.values(e.fields).join('; '))
    else message.error(e instanceof Error ? e.message : String(e))
  }

  const submit = () =>
    modal.confirm({
      title: t('plans.submitConfirm'),
      content: t('plans.submitHint'),
      okText: t('plans.submit'),
      cancelText: t('common.cancel'),
      onOk: () => mutations.submit.mutateAsync({ planId: plan.id!, version: plan.version }).then(() => message.success(t('plans.submitted')), report),
    })
  const accept = () =>
    modal.confirm({
      title: t('plans.acceptConfirm', { unit: plan.unitName }),
      okText: t('plans.accept'),
      cancelText: t('common.cancel'),
      onOk: () => mutations.accept.mutateAsync({ planId: plan.id!, version: plan.version }).then(() => message.success(t('plans.accepted')), report),
    })

  const d = directive.data
  return (
    <div className="bvct-stack">
      <Card size="small" data-testid="plan-header">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/directives">{t('directives.title')}</Link> / <Link to={`/directives/${directiveId}`}>{d?.number ?? t('directives.noNumber')}</Link> / {t('plans.title')}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>
              {t('plans.titleFor', { unit: plan.unitName })}
            </Typography.Title>
            {d && <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ marginBottom: 4 }}>{d.subject}</Typography.Paragraph>}
            <div className="bvct-tags">
              <PlanStatusTag status={plan.status} />
              <Tag>{t('plans.planDue', { date: formatDate(plan.planDueDate) })}</Tag>
              {isPlanLate && <Tag color="error">{t('plans.planLate')}</Tag>}
              {plan.submittedAt && <Tag>{t('plans.submittedAt', { at: formatDateTime(plan.submittedAt) })}</Tag>}
              {plan.reviewedAt && <Tag>{t('plans.reviewedAt', { at: formatDateTime(plan.reviewedAt) })}</Tag>}
            </div>
          </div>
          <div className="bvct-head-actions">
            {hasAnyRole(me, ACCESS.sessions) && (
              <Link to={`/directives/${directiveId}/units/${unitId}/dissemination`}><Button>{t('directives.dissemination')}</Button></Link>
            )}
            {hasAnyRole(me, ACCESS.dashboard) && <Link to={`/directives/${directiveId}/dashboard`}><Button>{t('directives.dashboard')}</Button></Link>}
            {canSubmit && isStructureOpen && (
              <Tooltip title={missing.length ? t('plans.missingActions', { labels: missing.map((r) => r.label).join(' ') }) : undefined}>
                <Button type="primary" onClick={submit} disabled={!plan.id || missing.length > 0} loading={mutations.submit.isPending}>
                  {t('plans.submit')}
                </Button>
              </Tooltip>
            )}
            {canReview && plan.status === 'submitted' && (
              <>
                <Button danger onClick={() => setDialog({ kind: 'return' })}>{t('plans.return')}</Button>
                <Button type="primary" onClick={accept} loading={mutations.accept.isPending}>{t('plans.accept')}</Button>
              </>
            )}
          </div>
        </div>
        {plan.status === 'returned' && plan.reviewComment && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('plans.returnedWith')} description={plan.reviewComment} />
        )}
        {canEdit && isStructureOpen && missing.length > 0 && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('plans.missingActions', { labels: missing.map((r) => r.label).join(' ') })} />
        )}
        <div className="bvct-counts" data-testid="plan-counts">
          {TIMELINESS.map((c) => (
            <span key={c}>
              <CellStatusTag status={c} /> <b>{allActions.filter((a) => a.timeliness === c).length}</b>
            </span>
          ))}
        </div>
      </Card>

      {plan.requirements.map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid="plan-requirement"
          title={
            <div className="bvct-req-head">
              <Typography.Text strong>{r.label}</Typography.Text>{' '}
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ display: 'inline', margin: 0, fontWeight: 400 }}>{r.text}</Typography.Paragraph>
              {r.deadline && (
                <div>
                  <Tag color="gold" data-testid="requirement-deadline" style={{ fontWeight: 400, marginTop: 4 }}>{t('plans.requirementDeadline', { date: formatDate(r.deadline) })}</Tag>
                </div>
              )}
            </div>
          }
          extra={<CellStatusTag status={r.status} />}
          styles={{ header: { alignItems: 'flex-start', paddingBlock: 8 } }}
        >
          {r.actions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.noActions')} style={{ margin: 8 }} />}
          {r.actions.map((a) => (
            <ActionItem
              key={a.id}
              action={a}
              requirementDeadline={r.deadline}
              pendingExtension={pendingByAction.get(a.id)}
              permissions={{ canEdit, isStructureOpen }}
              mutations={mutations}
              onEdit={() => setDialog({ kind: 'action', requirement: r, action: a })}
              onRequestExtension={() =>
                setDialog({ kind: 'extension', target: { planId: plan.id!, actionId: a.id, title: a.title, currentDueDate: a.effectiveDueDate } })
              }
            />
          ))}
          {canEdit && (
            <div className="bvct-req-buttons">
              {isStructureOpen && (
                <Button size="small" type="dashed" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'action', requirement: r })} data-testid="add-action">
                  {t('plans.addAction')}
                </Button>
              )}
              {!isStructureOpen && r.actions.some((a) => a.status !== 'done') && !pendingRequirements.has(r.id) && (
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    setDialog({
                      kind: 'extension',
                      target: {
                        planId: plan.id!,
                        requirementId: r.id,
                        title: `${r.label} ${r.text}`,
                        currentDueDate: r.actions.map((a) => a.effectiveDueDate).sort().at(-1)!,
                      },
                    })
                  }
                >
                  {t('plans.requestExtensionAll')}
                </Button>
              )}
            </div>
          )}
        </Card>
      ))}

      <ExtensionsCard plan={plan} canDecide={canReview} onDecide={(id, decision) => setDialog({ kind: 'decide', id, decision })} />

      {dialog?.kind === 'action' && (
        <ActionDrawer
          unitId={unitId}
          requirement={dialog.requirement}
          action={dialog.action}
          isStructureOpen={isStructureOpen}
          mutations={mutations}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'extension' && <ExtensionModal target={dialog.target} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'return' && <ReturnPlanModal plan={plan} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'decide' && <DecideExtensionModal extensionId={dialog.id} decision={dialog.decision} mutations={mutations} onClose={() => setDialog(null)} />}
    </div>
  )
}
