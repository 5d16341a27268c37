import { Alert, App, Button, Card, Form, Input, Skeleton, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { dropPlanItemInput, returnInspectionPlanInput } from '../../../contract/inspections.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useInspectionPlan, usePlanMutations, type InspectionPlanDto, type PlanItemDto, type PlanMutations } from './api.ts'
import { OpenInspectionDrawer } from './OpenInspectionDrawer.tsx'
import { PlanItemDrawer } from './PlanItemDrawer.tsx'
import { PlanVsActual } from './PlanVsActual.tsx'
import { DeadlineText, ItemStateTag, PhaseTag, PlanStatusTag, useFormText } from './Tags.tsx'
import './inspections.css'

type Dialog = { kind: 'add' } | { kind: 'edit' | 'drop' | 'open'; item: PlanItemDto } | { kind: 'return' }

/** A comment the committee returns the plan with, or the reason an item is dropped. */
function ReasonModal({ title, okText, label, onSend, onClose, isDanger }: { title: string; okText: string; label: string; onSend: (text: string) => Promise<unknown>; onClose: () => void; isDanger?: boolean }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ text?: string }>()
  const schema = label === 'reason' ? dropPlanItemInput.shape.reason : returnInspectionPlanInput.shape.comment
  const submission = useFormSubmit(form, schema, (text) => onSend(text))
  return (
    <FormModal
      title={title}
      okText={okText}
      isDanger={isDanger}
      form={form}
      onClose={onClose}
      submission={submission}
      onFinish={async (v) => {
        if (await submission.submit(v.text?.trim() ?? '')) {
          message.success(t('common.saved'))
          onClose()
        }
      }}
    >
      <Form.Item name="text" label={t(label === 'reason' ? 'inspections.item.dropReason' : 'inspections.plan.returnComment')} rules={[{ required: true, message: t('form.required') }, { min: 3, message: t('inspections.tooShort') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="reason-text" />
      </Form.Item>
    </FormModal>
  )
}

function PlanActions({ plan, mutations, onReturn }: { plan: InspectionPlanDto; mutations: PlanMutations; onReturn: () => void }) {
  const t = useT()
  const { message, modal } = App.useApp()
  const fail = (e: unknown) => message.error(isApiError(e, 'CONFLICT') ? t('inspections.conflict') : (e as Error).message)
  const confirm = (title: string, okText: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({ title, okText, cancelText: t('common.cancel'), onOk: () => run().then(() => message.success(done), (e) => { fail(e); void mutations.reload(plan.id) }) })
  return (
    <div className="bvct-head-actions">
      {plan.access.canEdit && plan.status === 'draft' && (
        <Button
          type="primary"
          disabled={plan.planItems.length === 0}
          onClick={() => confirm(t('inspections.plan.submitConfirm'), t('inspections.plan.submit'), () => mutations.submit.mutateAsync({ id: plan.id, version: plan.version }), t('inspections.plan.submitted'))}
          data-testid="submit-plan"
        >
          {t('inspections.plan.submit')}
        </Button>
      )}
      {plan.access.canApprove && plan.status === 'submitted' && (
        <>
          <Button
            type="primary"
            onClick={() => confirm(t('inspections.plan.approveConfirm'), t('inspections.plan.approve'), () => mutations.approve.mutateAsync({ id: plan.id, version: plan.version }), t('inspections.plan.approved'))}
            data-testid="approve-plan"
          >
            {t('inspections.plan.approve')}
          </Button>
          <Button danger onClick={onReturn} data-testid="return-plan">{t('inspections.plan.return')}</Button>
        </>
      )}
    </div>
  )
}

/** The annual plan: its items and what became of each, the status actions, inspections added outside it. */
export default function InspectionPlanPage() {
  const t = useT()
  const id = Number(useParams().id)
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const units = useUnitIndex()
  const formText = useFormText()
  const { message, modal } = App.useApp()
  const { data: plan, error, isPending } = useInspectionPlan(id)
  const mutations = usePlanMutations()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  usePageTitle(plan?.title ?? t('inspections.title'))
  const canOpen = hasAnyRole(me, ACCESS.inspectionsManage)

  const columns = useMemo<TableColumnsType<PlanItemDto>>(() => {
    if (!plan) return []
    const when = (i: PlanItemDto) => (i.plannedMonth ? t('inspections.item.month', { n: i.plannedMonth }) : i.plannedQuarter ? t('inspections.item.quarter', { n: i.plannedQuarter }) : '—')
    const actions = (i: PlanItemDto) => (
      <span className="bvct-tags">
        {plan.access.canEdit && plan.status === 'draft' && (
          <>
            <Button size="small" onClick={() => setDialog({ kind: 'edit', item: i })}>{t('common.edit')}</Button>
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: t('inspections.item.deleteConfirm', { title: i.title }),
                  okText: t('inspections.item.delete'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  onOk: () => mutations.deleteItem.mutateAsync({ itemId: i.id, version: i.version }).catch((e: Error) => message.error(e.message)),
                })
              }
            >
              {t('inspections.item.delete')}
            </Button>
          </>
        )}
        {plan.status === 'approved' && i.state === 'planned' && canOpen && (
          <>
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'open', item: i })} data-testid="start-item">{t('inspections.item.start')}</Button>
            {plan.access.canEdit && <Button size="small" danger onClick={() => setDialog({ kind: 'drop', item: i })}>{t('inspections.item.drop')}</Button>}
          </>
        )}
      </span>
    )
    const title = (i: PlanItemDto) => (
      <div style={{ display: 'grid', gap: 2 }}>
        <span>{i.ordinal}. {i.title}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.unitIds.map((u) => units.byId.get(u)?.name ?? `#${u}`).join('; ')} · {formText(i.form)}
          {i.leadName && ` · ${t('inspections.item.leadBy', { name: i.leadName })}`}
        </Typography.Text>
        {i.state === 'dropped' && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('inspections.item.droppedOn', { date: formatDate(i.droppedOn), reason: i.dropReason ?? '' })}</Typography.Text>}
      </div>
    )
    const state = (i: PlanItemDto) => (
      <span className="bvct-tags">
        <ItemStateTag state={i.state} />
        {i.inspectionId && <Link to={`/inspections/${i.inspectionId}`}>{i.inspectionNumber}</Link>}
      </span>
    )
    if (isPhone)
      return [{ key: 'summary', render: (_, i) => <div style={{ display: 'grid', gap: 6 }}>{title(i)}<span className="bvct-tags">{when(i)} {state(i)}</span>{actions(i)}</div> }]
    return [
      { key: 'title', title: t('inspections.item.title'), render: (_, i) => title(i) },
      { key: 'when', title: t('inspections.item.when'), render: (_, i) => when(i), width: 100 },
      { key: 'state', title: t('inspections.item.state'), render: (_, i) => state(i), width: 200 },
      { key: 'actions', title: t('common.actions'), render: (_, i) => actions(i), width: 200 },
    ]
  }, [plan, t, isPhone, units.byId, formText, canOpen, modal, message, mutations.deleteItem])

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />
  if (!plan) {
    if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />
    return isApiError(error, 'NOT_FOUND') ? <NotFoundPage /> : <Alert type="error" showIcon title={error?.message} />
  }
  return (
    <div className="bvct-stack">
      <Card size="small" data-testid="plan-header">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary"><Link to={`/inspections?year=${plan.year}`}>{t('inspections.title')}</Link> /</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>{plan.title}</Typography.Title>
            <div className="bvct-tags">
              <PlanStatusTag status={plan.status} isReturned={!!plan.returnComment && plan.status === 'draft'} />
              {plan.submittedAt && <Typography.Text type="secondary">{t('inspections.plan.submittedAt', { at: formatDateTime(plan.submittedAt) })}</Typography.Text>}
              {plan.approvedAt && <Typography.Text type="secondary">{t('inspections.plan.approvedAt', { at: formatDateTime(plan.approvedAt) })}</Typography.Text>}
            </div>
          </div>
          <PlanActions plan={plan} mutations={mutations} onReturn={() => setDialog({ kind: 'return' })} />
        </div>
        {plan.returnComment && plan.status === 'draft' && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('inspections.plan.returnedWith', { comment: plan.returnComment })} />}
      </Card>
      {plan.status !== 'draft' && <PlanVsActual summary={plan} isOnPlanPage />}
      <Card
        size="small"
        title={t('inspections.plan.items', { count: plan.planItems.length })}
        data-testid="plan-items"
        extra={plan.access.canEdit && plan.status === 'draft' && <Button size="small" type="primary" icon={<PlusIcon />} onClick={() => setDialog({ kind: 'add' })} data-testid="add-item">{t('inspections.item.add')}</Button>}
      >
        <Table<PlanItemDto> rowKey="id" size="small" columns={columns} dataSource={plan.planItems} pagination={false} showHeader={!isPhone} locale={{ emptyText: t('inspections.plan.noItems') }} />
      </Card>
      {plan.outsidePlan.length > 0 && (
        <Card size="small" title={t('inspections.plan.outside', { count: plan.outsidePlan.length })}>
          <ul className="bvct-count-list">
            {plan.outsidePlan.map((i) => (
              <li key={i.id} className="bvct-tags">
                <Link to={`/inspections/${i.id}`}>{i.title}</Link> <PhaseTag phase={i.phase} /> <DeadlineText i={i} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && <PlanItemDrawer planId={plan.id} item={dialog.kind === 'edit' ? dialog.item : undefined} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'open' && <OpenInspectionDrawer item={dialog.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'drop' && (
        <ReasonModal
          title={t('inspections.item.dropTitle', { title: dialog.item.title })}
          okText={t('inspections.item.drop')}
          label="reason"
          isDanger
          onSend={(reason) => mutations.dropItem.mutateAsync({ itemId: dialog.item.id, input: { version: dialog.item.version, reason } })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'return' && (
        <ReasonModal
          title={t('inspections.plan.returnTitle')}
          okText={t('inspections.plan.return')}
          label="comment"
          isDanger
          onSend={(comment) => mutations.returnPlan.mutateAsync({ id: plan.id, input: { version: plan.version, comment } })}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}
