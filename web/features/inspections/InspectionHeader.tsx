import { App, Button, Card, DatePicker, Descriptions, Form, Input, Steps, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router'
import { advancePhaseInput, extendInspectionInput, INSPECTION_LABELS } from '../../../contract/inspections.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import type { InspectionDto, InspectionMutations } from './api.ts'
import { EditInspectionDrawer } from './EditInspectionDrawer.tsx'
import { inspectorName } from './pickers.tsx'
import { DeadlineText, PhaseTag, TimelinessTag, useFormText } from './Tags.tsx'

const NEXT = { preparation: 'conduct', conduct: 'closing' } as const

/** The board moves the inspection on to its next phase, from a day it names (today by default). */
function AdvanceModal({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const label = useLabel()
  const { message } = App.useApp()
  const next = NEXT[i.phase as keyof typeof NEXT]
  const [form] = Form.useForm<{ on?: Dayjs }>()
  const submission = useFormSubmit(form, advancePhaseInput, (input) => mutations.advance.mutateAsync(input), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.phase.moveTo', { phase: label(INSPECTION_LABELS.phase[next]) })}
      okText={t('inspections.phase.move')}
      form={form}
      initialValues={{ on: dayjs() }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v) => {
        if (await submission.submit({ version: i.version, phase: next, on: v.on?.format(API_DATE_FORMAT) })) {
          message.success(t('inspections.phase.moved'))
          onClose()
        }
      }}
    >
      <Form.Item name="on" label={t('inspections.phase.from')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  )
}

/** An extension by decision, within what the rules still allow. */
function ExtendModal({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  type V = { newDeadline?: Dayjs; reason?: string; decisionNumber?: string; decisionDate?: Dayjs }
  const [form] = Form.useForm<V>()
  const submission = useFormSubmit(form, extendInspectionInput, (input) => mutations.extend.mutateAsync(input), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.extend.title')}
      okText={t('inspections.extend.submit')}
      form={form}
      initialValues={{ decisionDate: dayjs() }}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('inspections.extend.hint', { latest: formatDate(i.extensionAllowance.latestDeadline), left: i.extensionAllowance.remaining })}</Typography.Paragraph>}
      onFinish={async (v: V) => {
        const saved = await submission.submit({
          version: i.version, newDeadline: v.newDeadline?.format(API_DATE_FORMAT), reason: v.reason?.trim(), decisionNumber: v.decisionNumber?.trim(), decisionDate: v.decisionDate?.format(API_DATE_FORMAT),
        })
        if (saved) {
          message.success(t('inspections.extend.done'))
          onClose()
        }
      }}
    >
      <Form.Item name="newDeadline" label={t('inspections.extend.newDeadline')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(i.deadline), 'day') || d.isAfter(dayjs(i.extensionAllowance.latestDeadline), 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={t('inspections.extend.reason')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t('inspections.field.decisionNumber')} rules={[{ required: true, message: t('form.required') }]}>
        <Input placeholder="15-QĐ/BCSĐ" maxLength={60} />
      </Form.Item>
      <Form.Item name="decisionDate" label={t('inspections.field.decisionDate')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  )
}

/** Decision, units, period, time limit with its extensions, the phases, the team. */
export function InspectionHeader({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const label = useLabel()
  const formText = useFormText()
  const [dialog, setDialog] = useState<'advance' | 'extend' | 'edit' | null>(null)
  const canAdvance = i.access.canManage && (i.phase === 'preparation' || i.phase === 'conduct')
  const canExtend = i.access.canManage && i.phase !== 'concluded' && i.extensionAllowance.remaining > 0
  const canEdit = i.access.canManage && i.phase !== 'concluded'
  const phaseIndex = ['preparation', 'conduct', 'closing', 'concluded'].indexOf(i.phase)
  const lead = i.team.find((m) => m.role === 'lead')
  const members = i.team.filter((m) => m.role !== 'lead')
  const nameOf = (m: InspectionDto['team'][number]) => inspectorName(m)
  return (
    <Card size="small" data-testid="inspection-header">
      <div className="bvct-page-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary"><Link to={`/inspections?year=${i.year}`}>{t('inspections.title')}</Link> / {i.number}</Typography.Text>
          <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>{i.title}</Typography.Title>
          <div className="bvct-tags">
            <PhaseTag phase={i.phase} />
            <TimelinessTag value={i.timeliness} />
            <Typography.Text type="secondary">{formText(i.form)}</Typography.Text>
          </div>
        </div>
        {(canAdvance || canExtend || canEdit) && (
          <div className="bvct-head-actions">
            {canAdvance && <Button type="primary" onClick={() => setDialog('advance')} data-testid="advance-phase">{t('inspections.phase.moveTo', { phase: label(INSPECTION_LABELS.phase[NEXT[i.phase as keyof typeof NEXT]]) })}</Button>}
            {canExtend && <Button onClick={() => setDialog('extend')} data-testid="extend">{t('inspections.extend.title')}</Button>}
            {canEdit && <Button onClick={() => setDialog('edit')} data-testid="edit-inspection">{t('common.edit')}</Button>}
          </div>
        )}
      </div>
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'decision', label: t('inspections.decision'), children: t('inspections.decisionOf', { number: i.decisionNumber, date: formatDate(i.decisionDate) }) },
          { key: 'units', label: t('inspections.field.units'), children: <span data-testid="subject-units">{i.units.map((u) => u.name).join('; ')}</span> },
          { key: 'period', label: t('inspections.period'), children: `${formatDate(i.periodFrom)} – ${formatDate(i.periodTo)}` },
          { key: 'level', label: t('inspections.field.level'), children: `${label(INSPECTION_LABELS.level[i.level])} · ${t('inspections.days', { n: i.durationDays })}` },
          { key: 'start', label: t('inspections.field.startDate'), children: formatDate(i.startDate) },
          { key: 'deadline', label: t('inspections.deadline'), children: <DeadlineText i={i} /> },
          { key: 'lead', label: t('inspections.field.lead'), children: lead ? nameOf(lead) : '—' },
          { key: 'members', label: t('inspections.field.members'), children: members.map(nameOf).join('; ') || '—' },
          ...(i.planItemId ? [] : [{ key: 'outside', label: t('inspections.plan.source'), children: t('inspections.plan.outsideShort') }]),
        ]}
      />
      {i.content && <Typography.Paragraph className="bvct-prose" style={{ marginTop: 8 }}>{i.content}</Typography.Paragraph>}
      <Steps
        size="small"
        style={{ marginTop: 12 }}
        current={phaseIndex}
        status={i.phase === 'concluded' ? 'finish' : 'process'}
        items={(['preparation', 'conduct', 'closing', 'concluded'] as const).map((p) => ({ title: label(INSPECTION_LABELS.phase[p]), content: i.phases[p] ? formatDate(i.phases[p]) : undefined }))}
        data-testid="phases"
      />
      {i.extensions.length > 0 && (
        <ul className="bvct-count-list" style={{ marginTop: 12 }} data-testid="extensions">
          {i.extensions.map((x) => (
            <li key={x.id}>
              {t('inspections.extend.row', { from: formatDate(x.previousDeadline), to: formatDate(x.newDeadline), number: x.decisionNumber, date: formatDate(x.decisionDate), reason: x.reason })}
            </li>
          ))}
        </ul>
      )}
      {dialog === 'advance' && <AdvanceModal i={i} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditInspectionDrawer i={i} mutations={mutations} onClose={() => setDialog(null)} />}
      {dialog === 'extend' && <ExtendModal i={i} mutations={mutations} onClose={() => setDialog(null)} />}
    </Card>
  )
}
