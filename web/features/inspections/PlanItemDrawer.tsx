import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd'
import { useState } from 'react'
import { INSPECTION_KINDS, INSPECTION_LABELS, INSPECTION_METHODS, INSPECTION_MODES, planItemInput, updatePlanItemInput } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { FormDrawer } from '../../components/FormDrawer.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useIssuedDirectiveOptions, type PlanItemDto, type PlanMutations } from './api.ts'
import { InspectorSelect, UnitsSelect } from './pickers.tsx'

interface Values {
  title?: string
  content?: string
  unitIds?: number[]
  directiveIds?: number[]
  kind: 'inspection' | 'supervision'
  mode: 'regular' | 'thematic'
  method: 'direct' | 'documents'
  plannedQuarter?: number | null
  plannedMonth?: number | null
  leadAccountId?: number | null
}

const f = planItemInput.shape

/** The board adds an item to a draft plan, or edits one: what, which units, which form, when, who leads. */
export function PlanItemDrawer({ planId, item, mutations, onClose }: { planId: number; item?: PlanItemDto; mutations: PlanMutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [key] = useState(newIdempotencyKey)
  const directives = useIssuedDirectiveOptions()
  const kinds = useLabelOptions(INSPECTION_KINDS, INSPECTION_LABELS.kind)
  const modes = useLabelOptions(INSPECTION_MODES, INSPECTION_LABELS.mode)
  const methods = useLabelOptions(INSPECTION_METHODS, INSPECTION_LABELS.method)
  const add = useFormSubmit(form, planItemInput, (input) => mutations.addItem.mutateAsync({ planId, input, key }))
  const edit = useFormSubmit(form, updatePlanItemInput, (input) => mutations.updateItem.mutateAsync({ itemId: item!.id, input }), {
    onConflict: () => void mutations.reload(planId),
  })
  const submission = item ? edit : add

  const onFinish = async (v: Values) => {
    const body = {
      title: v.title?.trim(),
      content: v.content?.trim() ?? '',
      unitIds: v.unitIds ?? [],
      directiveIds: v.directiveIds ?? [],
      kind: v.kind,
      mode: v.mode,
      method: v.method,
      plannedQuarter: v.plannedQuarter ?? null,
      plannedMonth: v.plannedMonth ?? null,
      leadAccountId: v.leadAccountId ?? null,
    }
    const saved = await submission.submit(item ? { version: item.version, ...body } : body)
    if (saved) {
      message.success(t('common.saved'))
      onClose()
    }
  }
  return (
    <FormDrawer
      title={item ? t('inspections.item.edit') : t('inspections.item.add')}
      width={640}
      form={form}
      initialValues={{
        title: item?.title,
        content: item?.content,
        unitIds: item?.unitIds,
        directiveIds: item?.directiveIds ?? [],
        kind: item?.form.kind ?? 'inspection',
        mode: item?.form.mode ?? 'thematic',
        method: item?.form.method ?? 'direct',
        plannedQuarter: item?.plannedQuarter,
        plannedMonth: item?.plannedMonth,
        leadAccountId: item?.leadAccountId,
      }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      submitLabel={t('common.save')}
      submitTestId="plan-item-submit"
    >
      <Form.Item name="title" label={t('inspections.field.title')} rules={[zodRule(f.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="unitIds" label={t('inspections.field.units')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitsSelect placeholder={t('inspections.field.unitsPick')} aria-label={t('inspections.field.units')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}><Form.Item name="kind" label={t('inspections.field.kind')}><Select options={kinds} /></Form.Item></Col>
        <Col xs={12} sm={8}><Form.Item name="mode" label={t('inspections.field.mode')}><Select options={modes} /></Form.Item></Col>
        <Col xs={12} sm={8}><Form.Item name="method" label={t('inspections.field.method')}><Select options={methods} /></Form.Item></Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={6}><Form.Item name="plannedQuarter" label={t('inspections.field.quarter')}><InputNumber min={1} max={4} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={12} sm={6}><Form.Item name="plannedMonth" label={t('inspections.field.month')}><InputNumber min={1} max={12} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leadAccountId" label={t('inspections.field.lead')}>
            <InspectorSelect<number> allowClear placeholder={t('inspections.field.pickInspector')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="directiveIds" label={t('inspections.field.directives')}>
        <Select mode="multiple" loading={directives.isPending} options={directives.data ?? []} optionFilterProp="label" placeholder={t('inspections.field.directivesPick')} />
      </Form.Item>
      <Form.Item name="content" label={t('inspections.field.content')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
    </FormDrawer>
  )
}
