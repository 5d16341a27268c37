import { App, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { CLASSIFICATION_LABELS, POSITION_CLASSIFICATIONS, createPositionInput, updatePositionInput, type PositionClassification, type PositionDto } from '../../../contract/positions.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/format.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCreatePosition, useUpdatePosition } from './api.ts'

interface Values {
  unitId: number
  title: string
  department?: string
  classification: PositionClassification
  requiresConclusion: boolean
  reviewCycleMonths?: number | null
  note?: string
  closedOn?: Dayjs | null
}

const fields = createPositionInput.shape

export function useClassificationOptions() {
  const label = useLabel()
  return POSITION_CLASSIFICATIONS.map((c) => ({ value: c, label: label(CLASSIFICATION_LABELS[c]) }))
}

/** Add a position to a unit's register (`position` undefined) or edit one. */
export function PositionDrawer({ position, defaultUnitId, onClose }: { position?: PositionDto; defaultUnitId?: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const create = useCreatePosition()
  const update = useUpdatePosition()
  const classificationOptions = useClassificationOptions()
  const onConflict = () => {
    message.warning(t('positions.conflict'))
    onClose()
  }
  const creating = useFormSubmit(form, createPositionInput, (input) => create.mutateAsync({ ...input, idempotencyKey }))
  const editing = useFormSubmit(form, updatePositionInput, (input) => update.mutateAsync({ id: position!.id, ...input }), { onConflict })

  const onFinish = async (v: Values) => {
    const common = {
      title: v.title?.trim(),
      department: v.department?.trim() ?? '',
      classification: v.classification,
      requiresConclusion: !!v.requiresConclusion,
      reviewCycleMonths: v.reviewCycleMonths ?? null,
      note: v.note?.trim() ?? '',
    }
    const closedOn = v.closedOn ? { closedOn: v.closedOn.format(API_DATE_FORMAT) } : {}
    const saved = position ? await editing.submit({ ...common, ...closedOn, version: position.version }) : await creating.submit({ ...common, unitId: v.unitId })
    if (saved) {
      message.success(position ? t('common.saved') : t('positions.created', { title: saved.title }))
      onClose()
    }
  }

  return (
    <FormDrawer
      title={position ? t('positions.editTitle', { title: position.title }) : t('positions.createTitle')}
      width={520}
      form={form}
      initialValues={
        position
          ? { ...position, closedOn: null }
          : { unitId: defaultUnitId, requiresConclusion: true, classification: 'stateSecretConfidential', reviewCycleMonths: null }
      }
      onFinish={onFinish}
      onClose={onClose}
      submission={position ? editing : creating}
      submitLabel={position ? t('common.save') : t('common.create')}
      submitTestId="position-submit"
    >
      {!position && (
        <Form.Item name="unitId" label={t('positions.unit')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('positions.title')} rules={[zodRule(fields.title, lang, { required: true })]}>
        <Input autoFocus maxLength={300} />
      </Form.Item>
      <Form.Item name="department" label={t('positions.department')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="classification" label={t('positions.classification')} rules={[{ required: true, message: t('form.required') }]}>
        <Select options={classificationOptions} />
      </Form.Item>
      <Form.Item name="requiresConclusion" label={t('positions.requiresConclusion')} valuePropName="checked" extra={t('positions.requiresConclusionHint')}>
        <Switch />
      </Form.Item>
      <Form.Item name="reviewCycleMonths" label={t('positions.reviewCycle')} extra={t('positions.reviewCycleHint')}>
        <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} suffix={t('positions.months')} />
      </Form.Item>
      <Form.Item name="note" label={t('positions.note')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {position && !position.closedOn && (
        <Form.Item name="closedOn" label={t('positions.closeOn')} extra={t('positions.closeOnHint')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormDrawer>
  )
}
