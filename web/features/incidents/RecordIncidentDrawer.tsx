import { App, DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { createIncidentInput, INCIDENT_EDIT_ROLES, INCIDENT_KINDS, INCIDENT_LABELS, updateIncidentInput, type CreateIncidentInput, type IncidentDto, type IncidentKind } from '../../../contract/incidents.ts'
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
import { useIncidentMutations, useRecordIncident } from './api.ts'

interface Values {
  unitId?: number
  kind?: IncidentKind
  channelId?: number | null
  system?: string
  summary?: string
  detectedAt?: Dayjs | null
}

const f = createIncidentInput.shape

interface Props {
  /** Editing an open incident (its unit stays); without it, a new one. */
  incident?: IncidentDto
  defaultUnitId?: number
  defaultChannelId?: number
  onClose: () => void
}

/** The unit records an incident on one of its channels or systems: what, where, when it was detected; or corrects it while open. */
export function RecordIncidentDrawer({ incident, defaultUnitId, defaultChannelId, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const [form] = Form.useForm<Values>()
  const [key] = useState(newIdempotencyKey)
  const record = useRecordIncident()
  const { update } = useIncidentMutations(incident?.id ?? 0)
  const isEdit = !!incident
  const submission = useFormSubmit(form, isEdit ? updateIncidentInput : createIncidentInput, (input) =>
    isEdit ? update.mutateAsync(input as z.output<typeof updateIncidentInput>) : record.mutateAsync({ input: input as CreateIncidentInput, key }),
  )
  const kindOptions = useLabelOptions(INCIDENT_KINDS, INCIDENT_LABELS.kind)
  const ownUnit = me?.roles.find((r) => INCIDENT_EDIT_ROLES.includes(r.role))?.unitId
  const unitId = incident?.unitId ?? Form.useWatch('unitId', form) ?? defaultUnitId ?? ownUnit
  // The unit's active channels (a unit has a handful; 500 is the register's page limit).
  const channels = useChannelRegister({ under: unitId, status: 'active', limit: 500, offset: 0 })
  const channelOptions = (channels.data?.items ?? []).filter((c) => c.unitId === unitId).map((c) => ({ value: c.id, label: `${c.name} — ${c.address}` }))

  const onFinish = async (v: Values) => {
    const fields = {
      kind: v.kind,
      channelId: v.channelId ?? null,
      system: v.system?.trim() ?? '',
      summary: v.summary ?? '',
      detectedAt: v.detectedAt ? v.detectedAt.second(0).millisecond(0).format() : undefined,
    }
    const saved = await submission.submit(isEdit ? { version: incident.version, ...fields } : { unitId: v.unitId, ...fields })
    if (saved) {
      message.success(t(isEdit ? 'common.saved' : 'incidents.recorded'))
      onClose()
      if (!isEdit) navigate(`/incidents/${saved.id}`)
    }
  }

  return (
    <FormDrawer<Values>
      title={t(isEdit ? 'incidents.editTitle' : 'incidents.recordTitle')}
      width={600}
      form={form}
      initialValues={
        incident
          ? { kind: incident.kind, channelId: incident.channelId, system: incident.system, summary: incident.summary, detectedAt: dayjs(incident.detectedAt) }
          : { unitId: defaultUnitId ?? ownUnit, channelId: defaultChannelId, detectedAt: dayjs() }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={isEdit ? t('common.save') : t('incidents.record')}
      submitTestId="incident-submit"
    >
      {!isEdit && (
        <Form.Item name="unitId" label={t('incidents.unit')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitTreeSelect onChange={() => form.setFieldValue('channelId', null)} />
        </Form.Item>
      )}
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
