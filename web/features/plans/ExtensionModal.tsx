import { App, DatePicker, Form, Input, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { extensionRequestInput } from '../../../contract/plans.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { useT } from '../../i18n/useT.ts'
import type { PlanMutations } from './api.ts'

export interface ExtensionTarget {
  planId: number
  actionId?: number
  requirementId?: number
  /** What the request is about, e.g. the action's title. */
  title: string
  /** The deadline in force now; the new one must be later. */
  currentDueDate: string
}

/** A unit asks the board for a later deadline, for one action or a whole requirement. */
export function ExtensionModal({ target, mutations, onClose }: { target: ExtensionTarget; mutations: PlanMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ requestedDueDate?: Dayjs; reason?: string }>()
  const submission = useFormSubmit(form, extensionRequestInput, ({ actionId, requirementId, requestedDueDate, reason }) =>
    mutations.requestExtension.mutateAsync({ planId: target.planId, actionId, requirementId, requestedDueDate, reason }),
  )
  const onFinish = async (v: { requestedDueDate?: Dayjs; reason?: string }) => {
    const sent = await submission.submit({
      ...(target.actionId ? { actionId: target.actionId } : { requirementId: target.requirementId }),
      requestedDueDate: v.requestedDueDate?.format(API_DATE_FORMAT),
      reason: v.reason?.trim(),
    })
    if (sent) {
      message.success(t('plans.extensionRequested'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('plans.requestExtension')}
      okText={t('plans.sendRequest')}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={
        <Typography.Paragraph>
          <Typography.Text strong>{target.title}</Typography.Text>
          <br />
          {t('plans.currentDue')}: {formatDate(target.currentDueDate)}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="requestedDueDate" label={t('plans.requestedDueDate')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(target.currentDueDate), 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={t('plans.reason')} rules={[{ required: true, message: t('form.required') }, { min: 3, message: t('plans.reasonShort') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
