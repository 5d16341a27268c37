import { App, Button, Form, Input } from 'antd'
import { totpDisableInput } from '../../../contract/auth.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useDisableTotp } from './api.ts'

/** Turning two-factor off asks for the password again; the server refuses it for roles that require it. */
export function TotpDisable() {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const disable = useDisableTotp()
  const [form] = Form.useForm<{ password: string }>()
  const { submit, error } = useFormSubmit(form, totpDisableInput, (input) => disable.mutateAsync(input))

  const onFinish = async (values: { password: string }) => {
    if (await submit(values)) {
      message.success(t('totp.disabled'))
      form.resetFields()
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 360 }}>
      <FormAlert error={error} />
      <Form.Item name="password" label={t('totp.disablePassword')} rules={[zodRule(totpDisableInput.shape.password, lang, { required: true })]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={disable.isPending}>
        {t('totp.disable')}
      </Button>
    </Form>
  )
}
