import { App, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { createIncidentInput, INCIDENT_EDIT_ROLES, INCIDENT_KINDS, INCIDENT_LABELS, type IncidentKind } from '../../../contract/incidents.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { DATE_TIME_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useMe } from '../auth/api.ts'
import { useChannelRegister } from '../channels/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useRecordIncident } from './api.ts'

interface Values {
  unitId?: number
  kind?: IncidentKind
  channelId?: number | null
  system?: string
  summary?: string
  detectedAt?: Dayjs | null
}

const f = createIncidentInput.shape

/** The unit records an incident on one of its channels or systems: what, where, when it was detected. */
export function RecordIncidentDrawer({ defaultUnitId, defaultChannelId, onClose }: { defaultUnitId?: number; defaultChannelId?: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const [form] = Form.useForm<Values>()
  const [key] = useState(newIdempotencyKey)
  const record = useRecordIncident()
  const submission = useFormSubmit(form, createIncidentInput, (input) => record.mutateAsync({ input, key }))
  const kindOptions = useLabelOptions(INCIDENT_KINDS, INCIDENT_LABELS.kind)
  const ownUnit = me?.roles.find((r) => INCIDENT_EDIT_ROLES.includes(r.role))?.unitId
  const unitId = Form.useWatch('unitId', form) ?? defaultUnitId ?? ownUnit
  // The unit's active channels (a unit has a handful; 500 is the register's page limit).
  const channels = useChannelRegister({ under: unitId, status: 'active', limit: 500, offset: 0 })
  const channelOptions = (channels.data?.items ?? []).filter((c) => c.unitId === unitId).map((c) => ({ value: c.id, label: `${c.name} — ${c.address}` }))

  const onFinish = async (v: Values) => {
    const saved = await submission.submit({
      unitId: v.unitId,
      kind: v.kind,
      channelId: v.channelId ?? null,
      system: v.system?.trim() ?? '',
      summary: v.summary ?? '',
      detectedAt: v.detectedAt ? v.detectedAt.second(0).millisecond(0).format() : undefined,
    })
    if (saved) {
      message.success(t('incidents.recorded'))
      onClose()
      navigate(`/incidents/${saved.id}`)
    }
  }

  return (
    <FormDrawer<Values>
      title={t('incidents.recordTitle')}
      width={600}
      form={form}
      initialValues={{ unitId: defaultUnitId ?? ownUnit, channelId: defaultChannelId, detectedAt: dayjs() }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('incidents.record')}
      submitTestId="incident-submit"
    >
      <Form.Item name="unitId" label={t('incidents.unit')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitTreeSelect onChange={() => form.setFieldValue('channelId', null)} />
      </Form.Item>
      <Form.Item name="kind" label={t('incidents.kind')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={kindOptions} showSearch={{ optionFilterProp: 'label' }} aria-label={t('incidents.kind')} />
      </Form.Item>
      <Form.Item name="channelId" label={t('incidents.channel')} extra={t('incidents.channelOrSystem')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={channelOptions} loading={channels.isFetching} aria-label={t('incidents.channel')} notFoundContent={t('incidents.noChannels')} />
      </Form.Item>
      <Form.Item name="system" label={t('incidents.system')} rules={[zodRule(f.system, lang)]}>
        <Input maxLength={300} placeholder={t('incidents.systemHint')} />
      </Form.Item>
      <Form.Item name="detectedAt" label={t('incidents.detectedAt')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="summary" label={t('incidents.summary')} extra={t('incidents.summaryHint')} rules={[zodRule(f.summary, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  )
}
