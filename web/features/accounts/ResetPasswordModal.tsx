import { App, Form, Input, Typography } from 'antd'
import { z } from 'zod'
import { updateAccountInput, type AccountDto } from '../../../contract/accounts.ts'
import { FormModal } from '../../components/FormModal.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useUpdateAccount } from './api.ts'

// The contract's field is optional (a PATCH may leave it out); here it is the whole point.
const resetInput = updateAccountInput.extend({ resetPassword: updateAccountInput.shape.resetPassword.unwrap() })
type ResetInput = z.output<typeof resetInput>

/** A temporary password: the user must change it at the next sign-in, and their sessions end now. */
export function ResetPasswordModal({ account, onClose }: { account: AccountDto; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ resetPassword: string }>()
  const update = useUpdateAccount()
  const onConflict = () => {
    message.warning(t('accounts.conflict'))
    onClose()
  }
  const submission = useFormSubmit(form, resetInput, (input: ResetInput) => update.mutateAsync({ id: account.id, ...input }), { onConflict })

  const onFinish = async ({ resetPassword }: { resetPassword: string }) => {
    if (await submission.submit({ version: account.version, resetPassword })) {
      message.success(t('accounts.passwordReset', { name: account.username }))
      onClose()
    }
  }

  return (
    <FormModal
      title={t('accounts.resetTitle', { name: account.username })}
      okText={t('accounts.resetPassword')}
      form={form}
      onFinish={onFinish}
      onClose={onClose}
      submission={submission}
      intro={<Typography.Paragraph type="secondary">{t('accounts.resetHint')}</Typography.Paragraph>}
    >
      <Form.Item name="resetPassword" label={t('accounts.tempPassword')} extra={t('password.rule')} rules={[zodRule(resetInput.shape.resetPassword, lang, { required: true })]}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
    </FormModal>
  )
}
