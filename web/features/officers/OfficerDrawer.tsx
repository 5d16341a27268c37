import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { createOfficerInput, updateOfficerInput, type OfficerDto, type OfficerRole } from '../../../contract/officers.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { PersonSelect } from '../people/PersonSelect.tsx'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCreateOfficer, useUpdateOfficer } from './api.ts'
import { useRoleOptions } from './TrainingTag.tsx'

interface Values {
  unitId: number
  personId: number
  role: OfficerRole
  decisionNumber: string
  appointedOn: Dayjs
  until?: Dayjs | null
  note?: string
}

const day = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : null)

/** Appoint an officer from a unit's people (`officer` undefined), or edit an appointment (ending it with `until`). */
export function OfficerDrawer({ officer, defaultUnitId, onClose }: { officer?: OfficerDto; defaultUnitId?: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const create = useCreateOfficer()
  const update = useUpdateOfficer()
  const roleOptions = useRoleOptions()
  const onConflict = () => {
    message.warning(t('officers.conflict'))
    onClose()
  }
  const creating = useFormSubmit(form, createOfficerInput, (input) => create.mutateAsync({ ...input, idempotencyKey }))
  const editing = useFormSubmit(form, updateOfficerInput, (input) => update.mutateAsync({ id: officer!.id, ...input }), { onConflict })

  const onFinish = async (v: Values) => {
    const common = { role: v.role, decisionNumber: v.decisionNumber?.trim(), appointedOn: day(v.appointedOn), until: day(v.until), note: v.note?.trim() ?? '' }
    const saved = officer ? await editing.submit({ ...common, version: officer.version }) : await creating.submit({ ...common, unitId: v.unitId, personId: v.personId })
    if (saved) {
      message.success(officer ? t('common.saved') : t('officers.created', { name: saved.name }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={officer ? t('officers.editTitle', { name: officer.name }) : t('officers.createTitle')}
      width={520}
      form={form}
      initialValues={
        officer
          ? { ...officer, appointedOn: dayjs(officer.appointedOn), until: officer.until ? dayjs(officer.until) : null }
          : { unitId: defaultUnitId, role: 'partTime', appointedOn: dayjs() }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={officer ? editing : creating}
      submitLabel={officer ? t('common.save') : t('officers.appoint')}
      submitTestId="officer-submit"
    >
      {!officer && (
        <>
          <Form.Item name="unitId" label={t('officers.unit')} rules={[{ required: true, message: t('form.required') }]}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="personId" label={t('officers.person')} rules={[{ required: true, message: t('form.required') }]} extra={t('officers.personHint')}>
            <PersonSelect />
          </Form.Item>
        </>
      )}
      <Form.Item name="role" label={t('officers.role')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={roleOptions} />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t('officers.decision')} rules={[zodRule(createOfficerInput.shape.decisionNumber, lang, { required: true })]}>
        <Input maxLength={100} placeholder="123/QĐ-BV" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="appointedOn" label={t('officers.appointedOn')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="until" label={t('officers.until')} extra={t('officers.untilHint')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('officers.note')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormDrawer>
  )
}
