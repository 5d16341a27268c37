import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Result, Select, Skeleton, Table, Timeline, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { closeIncidentInput, incidentReportInput, incidentStepInput, type IncidentDto } from '../../../contract/incidents.ts'
import { isApiError, newIdempotencyKey } from '../../api/client.ts'
import { DATE_TIME_FORMAT, formatDate, formatDateTime } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useIncident, useIncidentMutations, useRecipients } from './api.ts'
import { CloseTime, ReportTime } from './IncidentsPage.tsx'
import { RecordIncidentDrawer } from './RecordIncidentDrawer.tsx'
import { IncidentKindTag, IncidentStatusTag, TimelinessTag } from './tags.tsx'
import '../channels/channels.css'

type Report = IncidentDto['reports'][number]
/** An instant a person picks: not in the future, not before the incident was detected. */
const pickable = (detectedAt: string) => (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(detectedAt), 'day')
const toInstant = (d: Dayjs | null | undefined) => (d ? d.second(0).millisecond(0).format() : undefined)

/** To whom it was reported, when, with the letter's number or the ticket. */
function ReportModal({ incident, onClose }: { incident: IncidentDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ recipient?: string; reportedAt?: Dayjs; reference?: string; note?: string }>()
  const [key] = useState(newIdempotencyKey)
  const recipients = useRecipients()
  const { report } = useIncidentMutations(incident.id)
  const submission = useFormSubmit(form, incidentReportInput, (input) => report.mutateAsync({ input, key }))
  const reported = new Set(incident.reports.map((r) => r.recipient))
  const options = (recipients.data?.items ?? []).map((r) => ({ value: r.key, label: label(r.label) + (reported.has(r.key) ? ` (${t('incidents.alreadyReported')})` : '') }))
  const firstNotReported = options.find((o) => !reported.has(o.value))?.value
  // The list arrives after the form opens: offer the first recipient not reported to yet.
  useEffect(() => {
    if (firstNotReported && !form.getFieldValue('recipient')) form.setFieldValue('recipient', firstNotReported)
  }, [firstNotReported, form])
  return (
    <FormModal
      title={t('incidents.addReport')}
      okText={t('incidents.saveReport')}
      form={form}
      initialValues={{ reportedAt: dayjs(), recipient: firstNotReported }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v) => {
        if (await submission.submit({ recipient: v.recipient, reportedAt: toInstant(v.reportedAt), reference: v.reference ?? '', note: v.note ?? '' })) {
          message.success(t('incidents.reportRecorded'))
          onClose()
        }
      }}
    >
      <Form.Item name="recipient" label={t('incidents.recipient')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={options} loading={recipients.isPending} aria-label={t('incidents.recipient')} />
      </Form.Item>
      <Form.Item name="reportedAt" label={t('incidents.reportedAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} disabledDate={pickable(incident.detectedAt)} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="reference" label={t('incidents.reference')} extra={t('incidents.referenceHint')} rules={[zodRule(incidentReportInput.shape.reference, lang)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="note" label={t('incidents.note')} rules={[zodRule(incidentReportInput.shape.note, lang)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

function StepModal({ incident, onClose }: { incident: IncidentDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ takenAt?: Dayjs; action?: string; note?: string }>()
  const [key] = useState(newIdempotencyKey)
  const { step } = useIncidentMutations(incident.id)
  const submission = useFormSubmit(form, incidentStepInput, (input) => step.mutateAsync({ input, key }))
  return (
    <FormModal
      title={t('incidents.addStep')}
      okText={t('incidents.saveStep')}
      form={form}
      initialValues={{ takenAt: dayjs() }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v) => {
        if (await submission.submit({ takenAt: toInstant(v.takenAt), action: v.action ?? '', note: v.note ?? '' })) {
          message.success(t('incidents.stepRecorded'))
          onClose()
        }
      }}
    >
      <Form.Item name="takenAt" label={t('incidents.takenAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} disabledDate={pickable(incident.detectedAt)} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="action" label={t('incidents.action')} rules={[zodRule(incidentStepInput.shape.action, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="note" label={t('incidents.note')} rules={[zodRule(incidentStepInput.shape.note, lang)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
    </FormModal>
  )
}

function CloseModal({ incident, onClose }: { incident: IncidentDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ closedAt?: Dayjs; lessons?: string }>()
  const { close } = useIncidentMutations(incident.id)
  const submission = useFormSubmit(form, closeIncidentInput, (input) => close.mutateAsync(input))
  return (
    <FormModal
      title={t('incidents.closeTitle')}
      okText={t('incidents.closeIncident')}
      form={form}
      width={600}
      initialValues={{ closedAt: dayjs() }}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('incidents.closeHint', { date: formatDate(incident.closeDueOn) })}</Typography.Paragraph>}
      onFinish={async (v) => {
        if (await submission.submit({ version: incident.version, closedAt: toInstant(v.closedAt), lessons: v.lessons ?? '' })) {
          message.success(t('incidents.closed'))
          onClose()
        }
      }}
    >
      <Form.Item name="closedAt" label={t('incidents.closedAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} disabledDate={pickable(incident.detectedAt)} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="lessons" label={t('incidents.lessons')} extra={t('incidents.lessonsHint')} rules={[zodRule(closeIncidentInput.shape.lessons, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} />
      </Form.Item>
    </FormModal>
  )
}

/** One incident: what happened, to whom it was reported and when, the response step by step, the closure. */
export default function IncidentPage() {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const id = Number(useParams().id)
  const { data: me } = useMe()
  const { data: incident, error, isPending } = useIncident(id)
  const [dialog, setDialog] = useState<'report' | 'step' | 'close' | 'edit' | null>(null)
  usePageTitle(t('incidents.titleOne'))

  const isMissing = !(Number.isInteger(id) && id > 0) || isApiError(error, 'NOT_FOUND')
  if (isMissing || error) return <Result status={isMissing ? '404' : 'error'} title={error?.message ?? t('error.notFoundTitle')} extra={<Link to="/incidents">{t('incidents.backToList')}</Link>} />
  if (isPending || !incident) return <Card><Skeleton active /></Card>

  const isOpen = incident.status === 'open'
  const canAct = hasAnyRole(me, ACCESS.incidentsEdit) && isOpen
  const reportColumns = [
    { key: 'recipient', title: t('incidents.recipient'), render: (_: unknown, r: Report) => <span>{label(r.recipientLabel, r.recipient)}{isPhone && <div className="bvct-muted">{formatDateTime(r.reportedAt)}</div>}</span> },
    ...(isPhone ? [] : [{ key: 'at', title: t('incidents.reportedAt'), render: (_: unknown, r: Report) => formatDateTime(r.reportedAt), width: 150 }]),
    { key: 'reference', title: t('incidents.reference'), render: (_: unknown, r: Report) => <span>{r.reference}{r.note && <div className="bvct-muted bvct-prose">{r.note}</div>}</span> },
    ...(isPhone ? [] : [{ key: 'by', title: t('incidents.recordedBy'), render: (_: unknown, r: Report) => r.recordedBy ?? '—', width: 150 }]),
  ]

  return (
    <div className="bvct-stack">
      <Card size="small">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Link to="/incidents" className="bvct-muted">{t('incidents.backToList')}</Link>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>{t('incidents.titleAt', { unit: incident.unitName })}</Typography.Title>
            <span className="bvct-tags">
              <IncidentKindTag kind={incident.kind} />
              <IncidentStatusTag status={incident.status} />
              <TimelinessTag value={incident.timeliness} />
            </span>
          </div>
          {canAct && (
            <div className="bvct-head-actions">
              <Button onClick={() => setDialog('report')} data-testid="add-report">{t('incidents.addReport')}</Button>
              <Button onClick={() => setDialog('step')} data-testid="add-step">{t('incidents.addStep')}</Button>
              <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>
              <Button type="primary" onClick={() => setDialog('close')} data-testid="close-incident">{t('incidents.closeIncident')}</Button>
            </div>
          )}
        </div>
        {isOpen && incident.reportTimeliness === 'overdue' && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('incidents.reportOverdue', { at: formatDateTime(incident.reportDueAt) })} />}
        <Descriptions size="small" column={isPhone ? 1 : 2} layout={isPhone ? 'vertical' : 'horizontal'} style={{ marginTop: 12 }} data-testid="incident-details">
          <Descriptions.Item label={t('incidents.unit')}>{incident.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.detectedAt')}>{formatDateTime(incident.detectedAt)}</Descriptions.Item>
          {incident.channelId && (
            <Descriptions.Item label={t('incidents.channel')}>
              <span className="bvct-channel-cell">
                <Link to={`/channels/${incident.channelId}`}>{incident.channelName}</Link>
                {incident.channelAddress && <span className="bvct-channel-address">{incident.channelAddress}</span>}
              </span>
            </Descriptions.Item>
          )}
          {incident.system && <Descriptions.Item label={t('incidents.system')}>{incident.system}</Descriptions.Item>}
          <Descriptions.Item label={t('incidents.timeToReport')}>
            <span className="bvct-channel-cell">
              <ReportTime i={incident} />
              {incident.firstReportedAt && <small className="bvct-muted">{t('incidents.firstReportedAt', { at: formatDateTime(incident.firstReportedAt), due: formatDateTime(incident.reportDueAt) })}</small>}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('incidents.timeToClose')}>
            <span className="bvct-channel-cell">
              <CloseTime i={incident} />
              {incident.closedAt && <small className="bvct-muted">{t('incidents.closedAtDue', { at: formatDateTime(incident.closedAt), due: formatDate(incident.closeDueOn) })}</small>}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('incidents.summary')} span={isPhone ? 1 : 2}><span className="bvct-prose">{incident.summary}</span></Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('incidents.reports')} data-testid="incident-reports">
        <Table<Report> rowKey="id" size="small" pagination={false} columns={reportColumns} dataSource={incident.reports} locale={{ emptyText: t('incidents.noReports') }} />
      </Card>

      <Card size="small" title={t('incidents.steps')} data-testid="incident-steps">
        {incident.steps.length ? (
          <Timeline
            items={incident.steps.map((s) => ({
              key: s.id,
              children: (
                <div>
                  <b>{formatDateTime(s.takenAt)}</b>
                  {s.recordedBy && <small className="bvct-muted"> · {s.recordedBy}</small>}
                  <div className="bvct-prose">{s.action}</div>
                  {s.note && <div className="bvct-muted bvct-prose">{s.note}</div>}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={t('incidents.noSteps')} />
        )}
      </Card>

      <Card size="small" title={t('incidents.closure')} data-testid="incident-closure">
        {incident.closedAt ? (
          <>
            <Typography.Paragraph>{t('incidents.closedOn', { at: formatDateTime(incident.closedAt) })}</Typography.Paragraph>
            <Typography.Text strong>{t('incidents.lessons')}</Typography.Text>
            <div className="bvct-prose" data-testid="incident-lessons">{incident.lessons}</div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('incidents.stillOpen', { date: formatDate(incident.closeDueOn) })}</Typography.Text>
        )}
      </Card>

      {dialog === 'report' && <ReportModal incident={incident} onClose={() => setDialog(null)} />}
      {dialog === 'step' && <StepModal incident={incident} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal incident={incident} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <RecordIncidentDrawer incident={incident} onClose={() => setDialog(null)} />}
    </div>
  )
}
