import { App, Button, Form, Input } from 'antd'
import { changePasswordInput } from '../../../contract/auth.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useChangePassword } from './api.ts'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** Current password, new password twice. Other devices are signed out by the server. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const change = useChangePassword()
  const { submit, error } = useFormSubmit(form, changePasswordInput, (input) => change.mutateAsync(input))

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    if (await submit({ currentPassword, newPassword })) {
      message.success(t('password.changed'))
      form.resetFields()
      onDone?.()
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
      <FormAlert error={error} />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[zodRule(changePasswordInput.shape.currentPassword, lang, { required: true })]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rule')}
        rules={[zodRule(changePasswordInput.shape.newPassword, lang, { required: true })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: async (_, v) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'))
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  )
}
