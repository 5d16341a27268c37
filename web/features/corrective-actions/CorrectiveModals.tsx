import { App, DatePicker, Form, Input, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import {
  correctiveExtensionDecisionInput, correctiveExtensionInput, reportDoneInput, returnCorrectiveInput, verifyCorrectiveInput, type CorrectiveDto,
} from '../../../contract/corrective-actions.ts'
import { newIdempotencyKey } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import type { CorrectiveMutations } from './api.ts'

interface Props {
  action: CorrectiveDto
  mutations: CorrectiveMutations
  onClose: () => void
}

/** A refused step because someone else moved the action on: say so (the action is read again) and close. */
function useConflictClose(onClose: () => void) {
  const t = useT()
  const { message } = App.useApp()
  return {
    onConflict: () => {
      message.warning(t('corrective.conflict'))
      onClose()
    },
  }
}

/** The unit says the work is done, on which day and what was done; the evidence is attached first. */
export function ReportDoneModal({ action, mutations, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ completedOn?: Dayjs; note?: string }>()
  const submission = useFormSubmit(form, reportDoneInput, (input) => mutations.reportDone.mutateAsync(input), useConflictClose(onClose))
  const onFinish = async (v: { completedOn?: Dayjs; note?: string }) => {
    if (await submission.submit({ version: action.version, completedOn: v.completedOn?.format(API_DATE_FORMAT), note: v.note?.trim() })) {
      message.success(t('corrective.reported'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('corrective.reportDoneTitle')}
      okText={t('corrective.reportDone')}
      form={form}
      initialValues={{ completedOn: dayjs() }}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph strong>{action.title}</Typography.Paragraph>}
    >
      <Form.Item name="completedOn" label={t('corrective.completedOn')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label={t('corrective.reportNote')} extra={t('corrective.reportNoteHint')} rules={[zodRule(reportDoneInput.shape.note, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} autoFocus />
      </Form.Item>
    </FormModal>
  )
}

/** The board closes a reported action once the evidence satisfies it. */
export function VerifyModal({ action, mutations, onClose }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string }>()
  const submission = useFormSubmit(form, verifyCorrectiveInput, (input) => mutations.verify.mutateAsync(input), useConflictClose(onClose))
  const onFinish = async (v: { note?: string }) => {
    if (await submission.submit({ version: action.version, note: v.note?.trim() ?? '' })) {
      message.success(t('corrective.verified'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('corrective.verifyTitle')}
      okText={t('corrective.verify')}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('corrective.verifyHint')}</Typography.Paragraph>}
    >
      <Form.Item name="note" label={t('corrective.verifyNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
    </FormModal>
  )
}

/** The board sends a reported action back, saying what is still missing. */
export function ReturnModal({ action, mutations, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ comment?: string }>()
  const submission = useFormSubmit(form, returnCorrectiveInput, (input) => mutations.returnAction.mutateAsync(input), useConflictClose(onClose))
  const onFinish = async (v: { comment?: string }) => {
    if (await submission.submit({ version: action.version, comment: v.comment?.trim() })) {
      message.success(t('corrective.returned'))
      onClose()
    }
  }
  return (
    <FormModal title={t('corrective.returnTitle')} okText={t('corrective.return')} isDanger form={form} onFinish={onFinish} onClose={onClose} submission={submission}>
      <Form.Item name="comment" label={t('corrective.returnComment')} rules={[zodRule(returnCorrectiveInput.shape.comment, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} autoFocus />
      </Form.Item>
    </FormModal>
  )
}

/** The unit asks for a later due date, with the reason; one request waits at a time. */
export function ExtensionModal({ action, mutations, onClose }: Props) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  // One key for this request however often it is resent (a lost answer, a double click).
  const [key] = useState(newIdempotencyKey)
  const [form] = Form.useForm<{ requestedDueDate?: Dayjs; reason?: string }>()
  const submission = useFormSubmit(form, correctiveExtensionInput, (input) => mutations.requestExtension.mutateAsync({ ...input, key }))
  const onFinish = async (v: { requestedDueDate?: Dayjs; reason?: string }) => {
    if (await submission.submit({ requestedDueDate: v.requestedDueDate?.format(API_DATE_FORMAT), reason: v.reason?.trim() })) {
      message.success(t('corrective.extensionRequested'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t('corrective.requestExtension')}
      okText={t('corrective.sendRequest')}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={
        <Typography.Paragraph>
          <Typography.Text strong>{action.title}</Typography.Text>
          <br />
          {t('corrective.currentDue', { date: formatDate(action.effectiveDueDate) })}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="requestedDueDate" label={t('corrective.requestedDueDate')} rules={[{ required: true, message: t('form.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(action.effectiveDueDate), 'day')} />
      </Form.Item>
      <Form.Item name="reason" label={t('corrective.reason')} rules={[zodRule(correctiveExtensionInput.shape.reason, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

/** The board approves (the new date is in force, the first stays visible) or refuses an extension. */
export function DecideExtensionModal({ extension, decision, mutations, onClose }: { extension: CorrectiveDto['extensions'][number]; decision: 'approve' | 'refuse'; mutations: CorrectiveMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string }>()
  const submission = useFormSubmit(form, correctiveExtensionDecisionInput, (input) => mutations.decideExtension.mutateAsync({ extensionId: extension.id, decision, note: input.note }))
  const onFinish = async (v: { note?: string }) => {
    if (await submission.submit({ note: v.note?.trim() ?? '' })) {
      message.success(t(decision === 'approve' ? 'corrective.extensionApproved' : 'corrective.extensionRefused'))
      onClose()
    }
  }
  return (
    <FormModal
      title={decision === 'approve' ? t('corrective.approveTitle', { date: formatDate(extension.requestedDueDate) }) : t('corrective.refuseTitle')}
      okText={t(decision === 'approve' ? 'corrective.approve' : 'corrective.refuse')}
      isDanger={decision === 'refuse'}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary" className="bvct-prose">{extension.reason}</Typography.Paragraph>}
    >
      <Form.Item name="note" label={t('corrective.decisionNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
