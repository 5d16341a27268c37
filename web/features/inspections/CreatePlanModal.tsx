import { App, Form, Input, InputNumber } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { createInspectionPlanInput } from '../../../contract/inspections.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { usePlanMutations } from './api.ts'

/** The board opens a year's plan (a draft), then adds its items on the plan's page. */
export function CreatePlanModal({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ year: number; title?: string }>()
  const [key] = useState(newIdempotencyKey)
  const mutations = usePlanMutations()
  const submission = useFormSubmit(form, createInspectionPlanInput, (input) => mutations.create.mutateAsync({ input, key }))
  const onFinish = async (v: { year: number; title?: string }) => {
    const plan = await submission.submit({ year: v.year, title: v.title?.trim() })
    if (plan) {
      message.success(t('inspections.plan.created'))
      onClose()
      navigate(`/inspection-plans/${plan.id}`)
    }
  }
  return (
    <FormModal
      title={t('inspections.plan.create')}
      okText={t('common.create')}
      form={form}
      initialValues={{ year, title: t('inspections.plan.defaultTitle', { year }) }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="year" label={t('inspections.year')} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} onChange={(y) => y && form.setFieldValue('title', t('inspections.plan.defaultTitle', { year: y }))} />
      </Form.Item>
      <Form.Item name="title" label={t('inspections.plan.title')} rules={[zodRule(createInspectionPlanInput.shape.title, lang, { required: true })]}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  )
}

export const thisYear = () => dayjs().year()
