import { App, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { selfReportInput, sessionInput } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate, formatDateTime } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'
import type { InspectionDto, InspectionMutations } from './api.ts'
import { FileLinks, useFilePicker } from './files.tsx'
import { toLines } from './form-values.ts'

type SelfReport = InspectionDto['selfReports'][number]

function SelfReportModal({ unitId, unitName, current, mutations, onClose }: { unitId: number; unitName: string; current?: SelfReport; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ summary?: string }>()
  const files = useFilePicker(mutations, unitId, current?.files)
  const submission = useFormSubmit(form, selfReportInput, (input) => mutations.selfReport.mutateAsync({ unitId, input }), { onConflict: () => void mutations.reload() })
  return (
    <FormModal
      title={t('inspections.self.titleFor', { unit: unitName })}
      okText={t('inspections.self.submit')}
      width={680}
      form={form}
      initialValues={{ summary: current?.summary }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v) => {
        if (await submission.submit({ version: current?.version ?? 1, summary: v.summary?.trim(), fileIds: files.fileIds })) {
          message.success(t('inspections.self.submitted'))
          onClose()
        }
      }}
    >
      <Form.Item name="summary" label={t('inspections.self.summary')} rules={[{ required: true, message: t('form.required') }]}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={50000} data-testid="self-summary" />
      </Form.Item>
      <Form.Item label={t('inspections.file.files')}>{files.picker}</Form.Item>
    </FormModal>
  )
}

/** Each subject unit's self-inspection report: the unit writes and submits it (again, if it must). */
export function SelfReportsCard({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const [editing, setEditing] = useState<number | null>(null)
  const isOpen = i.phase !== 'concluded'
  // A unit sees its own part only: the units it answers for, unless it sees the whole inspection.
  const units = i.access.seesAll ? i.units : i.units.filter((u) => i.access.answersFor.includes(u.id))
  return (
    <Card size="small" title={t('inspections.self.title')} data-testid="self-reports">
      <div className="bvct-stack bvct-stack-tight">
        {units.map((u) => {
          const r = i.selfReports.find((x) => x.unitId === u.id)
          const canWrite = isOpen && i.access.answersFor.includes(u.id)
          return (
            <div key={u.id} className="bvct-action" data-testid="self-report">
              <div className="bvct-action-main">
                <Typography.Text strong>{u.name}</Typography.Text>
                {r ? (
                  <>
                    <div className="bvct-action-meta">{t('inspections.self.submittedBy', { at: formatDateTime(r.submittedAt), by: r.submittedBy ?? '—' })}</div>
                    <Typography.Paragraph className="bvct-prose" ellipsis={{ rows: 4, expandable: true, symbol: t('inspections.more') }} style={{ margin: '4px 0 0' }}>{r.summary}</Typography.Paragraph>
                    <FileLinks files={r.files} />
                  </>
                ) : (
                  <div className="bvct-muted">{t('inspections.self.notYet')}</div>
                )}
              </div>
              {canWrite && (
                <div className="bvct-action-buttons">
                  <Button size="small" type={r ? 'default' : 'primary'} onClick={() => setEditing(u.id)} data-testid="write-self-report">{r ? t('inspections.self.resubmit') : t('inspections.self.write')}</Button>
                </div>
              )}
            </div>
          )
        })}
      </div>
      {editing !== null && (
        <SelfReportModal unitId={editing} unitName={i.units.find((u) => u.id === editing)?.name ?? ''} current={i.selfReports.find((x) => x.unitId === editing)} mutations={mutations} onClose={() => setEditing(null)} />
      )}
    </Card>
  )
}

function SessionModal({ i, mutations, onClose }: { i: InspectionDto; mutations: InspectionMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  type V = { unitId?: number; heldOn?: Dayjs; place?: string; participants?: string; note?: string }
  const [form] = Form.useForm<V>()
  const [key] = useState(newIdempotencyKey)
  const minutes = useFilePicker(mutations)
  const submission = useFormSubmit(form, sessionInput, (input) => mutations.session.mutateAsync({ input, key }))
  return (
    <FormModal
      title={t('inspections.session.new')}
      okText={t('common.save')}
      width={620}
      form={form}
      initialValues={{ heldOn: dayjs(), unitId: i.units.length === 1 ? i.units[0].id : undefined }}
      onClose={onClose}
      submission={submission}
      onFinish={async (v: V) => {
        const saved = await submission.submit({
          unitId: v.unitId ?? null, heldOn: v.heldOn?.format(API_DATE_FORMAT), place: v.place?.trim() ?? '', participants: toLines(v.participants), note: v.note?.trim() ?? '',
          minutesFileId: minutes.fileIds.at(-1) ?? null,
        })
        if (saved) {
          message.success(t('common.saved'))
          onClose()
        }
      }}
    >
      <Form.Item name="unitId" label={t('inspections.unit')} extra={t('inspections.session.unitHint')}>
        <Select allowClear options={i.units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('inspections.session.heldOn')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('inspections.session.place')}><Input maxLength={300} /></Form.Item>
      <Form.Item name="participants" label={t('inspections.session.participants')} extra={t('inspections.onePerLine')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="note" label={t('inspections.note')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} /></Form.Item>
      <Form.Item label={t('inspections.session.minutes')}>{minutes.picker}</Form.Item>
    </FormModal>
  )
}

/** Working sessions: when, where, who took part, the minutes as a file. */
export function SessionsCard({ i, mutations }: { i: InspectionDto; mutations: InspectionMutations }) {
  const t = useT()
  const [isAdding, setIsAdding] = useState(false)
  const isTeam = i.access.isOnTeam || i.access.canManage
  return (
    <Card
      size="small"
      title={t('inspections.session.title')}
      data-testid="sessions"
      extra={isTeam && i.phase !== 'concluded' && <Button size="small" icon={<PlusIcon />} onClick={() => setIsAdding(true)} data-testid="new-session">{t('inspections.session.new')}</Button>}
    >
      {i.sessions.length === 0 && <Typography.Text type="secondary">{t('inspections.session.none')}</Typography.Text>}
      {i.sessions.map((s) => (
        <div key={s.id} className="bvct-action" data-testid="session">
          <div className="bvct-action-main">
            <Typography.Text strong>{formatDate(s.heldOn)}</Typography.Text>
            {s.place && <Typography.Text type="secondary"> · {s.place}</Typography.Text>}
            {s.unitId && <Typography.Text type="secondary"> · {i.units.find((u) => u.id === s.unitId)?.name}</Typography.Text>}
            {s.participants.length > 0 && <div className="bvct-action-meta">{t('inspections.session.with', { list: s.participants.join(', ') })}</div>}
            {s.note && <div className="bvct-prose">{s.note}</div>}
            {s.minutes ? <FileLinks files={[s.minutes]} /> : <div className="bvct-muted">{t('inspections.session.noMinutes')}</div>}
          </div>
        </div>
      ))}
      {isAdding && <SessionModal i={i} mutations={mutations} onClose={() => setIsAdding(false)} />}
    </Card>
  )
}
