import { App, Form, Input } from 'antd'
import { extensionDecisionInput, returnPlanInput, type PlanDto } from '../../../contract/plans.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import type { PlanMutations } from './api.ts'

/** The board sends a submitted plan back, saying what to fix. */
export function ReturnPlanModal({ plan, mutations, onClose }: { plan: PlanDto; mutations: PlanMutations; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ comment?: string }>()
  const submission = useFormSubmit(form, returnPlanInput, (input) => mutations.returnPlan.mutateAsync({ planId: plan.id!, ...input }))
  const onFinish = async (v: { comment?: string }) => {
    if (await submission.submit({ version: plan.version, comment: v.comment?.trim() })) {
      message.success(t('plans.returned'))
      onClose()
    }
  }
  return (
    <FormModal title={t('plans.returnTitle', { unit: plan.unitName })} okText={t('plans.return')} isDanger form={form} onFinish={onFinish} onClose={onClose} submission={submission}>
      <Form.Item name="comment" label={t('plans.returnComment')} rules={[zodRule(returnPlanInput.shape.comment, lang, { required: true })]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} autoFocus />
      </Form.Item>
    </FormModal>
  )
}

/** The board approves or refuses a deadline extension, with an optional note. */
export function DecideExtensionModal({ extensionId, decision, mutations, onClose }: { extensionId: number; decision: 'approve' | 'refuse'; mutations: PlanMutations; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ note?: string }>()
  const submission = useFormSubmit(form, extensionDecisionInput, (input) => mutations.decideExtension.mutateAsync({ id: extensionId, decision, note: input.note }))
  const onFinish = async (v: { note?: string }) => {
    if (await submission.submit({ note: v.note?.trim() ?? '' })) {
      message.success(t(decision === 'approve' ? 'plans.extensionApproved' : 'plans.extensionRefused'))
      onClose()
    }
  }
  return (
    <FormModal
      title={t(decision === 'approve' ? 'plans.approveExtension' : 'plans.refuseExtension')}
      okText={t(decision === 'approve' ? 'plans.approve' : 'plans.refuse')}
      isDanger={decision === 'refuse'}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
    >
      <Form.Item name="note" label={t('plans.decisionNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
