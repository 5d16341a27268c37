import { App, Button, Flex, Form, Input, QRCode, Steps, Typography } from 'antd'
import { totpConfirmInput } from '../../../contract/auth.ts'
import { FormAlert } from '../../components/forms/FormAlert.tsx'
import { useFormSubmit } from '../../components/forms/useFormSubmit.ts'
import { zodRule } from '../../components/forms/zod-rules.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useConfirmTotp, useStartTotpSetup } from './api.ts'

/** The secret in groups of four, easier to type into an app by hand. */
const groupSecret = (s: string) => s.replace(/(.{4})/g, '$1 ').trim()

/**
 * Enrolment: ask the server for a fresh secret, show it as a QR code, an otpauth link and text,
 * then confirm with a code from the app (the secret is not active until confirmed).
 */
export function TotpSetup({ onDone }: { onDone?: () => void }) {
  const t = useT()
  const lang = useLang()
  const isPhone = useIsPhone()
  const { message } = App.useApp()
  const start = useStartTotpSetup()
  const confirm = useConfirmTotp()
  const [form] = Form.useForm<{ code: string }>()
  const { submit, error } = useFormSubmit(form, totpConfirmInput, (input) => confirm.mutateAsync(input))

  const onFinish = async (values: { code: string }) => {
    if (await submit({ code: values.code?.trim() })) {
      message.success(t('totp.enabled'))
      onDone?.()
    }
  }

  return (
    <div>
      <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={start.data ? 1 : 0}
        items={[
          {
            title: t('totp.step1'),
            content: !start.data && (
              <div style={{ margin: '8px 0 16px' }}>
                <FormAlert error={start.error?.message} />
                <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
                  {t('totp.start')}
                </Button>
              </div>
            ),
          },
          {
            title: t('totp.step2'),
            content: start.data && (
              <Flex gap={24} wrap style={{ margin: '8px 0 16px' }} vertical={isPhone}>
                <QRCode value={start.data.uri} size={176} bordered />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text type="secondary">{t('totp.manual')}</Typography.Text>
                  <Typography.Paragraph copyable={{ text: start.data.secret }} className="bvct-secret" data-testid="totp-secret">
                    {groupSecret(start.data.secret)}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{t('totp.uri')}</Typography.Text>
                  <Typography.Paragraph copyable={{ text: start.data.uri }} style={{ wordBreak: 'break-all' }}>
                    <a href={start.data.uri}>{start.data.uri}</a>
                  </Typography.Paragraph>
                </div>
              </Flex>
            ),
          },
          {
            title: t('totp.step3'),
            content: start.data && (
              <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 320, marginTop: 8 }}>
                <FormAlert error={error} />
                <Form.Item name="code" label={t('totp.code')} rules={[zodRule(totpConfirmInput.shape.code, lang, { required: true })]}>
                  <Input.OTP length={6} autoComplete="one-time-code" formatter={(v) => v.replace(/\D/g, '')} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                  {t('totp.confirm')}
                </Button>
              </Form>
            ),
          },
        ]}
      />
    </div>
  )
}
