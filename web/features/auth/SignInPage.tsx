import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { isApiError } from '../../api/client.ts'
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { useSignIn, type SignInInput } from './api.ts'

/**
 * Username and password; when the account has two-factor on, the server answers TOTP_REQUIRED
 * and the same form asks for the 6-digit code and sends everything again.
 */
export function SignInPage() {
  const t = useT()
  usePageTitle(t('signIn.title'))
  const [form] = Form.useForm<SignInInput>()
  const signIn = useSignIn()
  const [isTotpStep, setIsTotpStep] = useState(false)

  const onFinish = (values: SignInInput) => {
    const input = { username: values.username.trim(), password: values.password, totp: isTotpStep ? values.totp : undefined }
    signIn.mutate(input, {
      onError: (e) => {
        if (isApiError(e, 'TOTP_REQUIRED')) setIsTotpStep(true)
        if (isApiError(e, 'TOTP_INVALID')) form.setFieldValue('totp', '')
      },
    })
  }

  const error = signIn.error
  const isThrottled = isApiError(error, 'TOO_MANY_ATTEMPTS')
  // TOTP_REQUIRED is the next step, not a failure: the info box below says what to do.
  const shownError = error && !isApiError(error, 'TOTP_REQUIRED') ? error : null

  return (
    <div className="bvct-signin">
      <Card className="bvct-signin-card">
        <Flex justify="space-between" align="start" gap={12}>
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>BVCT</Typography.Title>
            <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          </div>
          <LanguageSwitch size="small" />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>{t('signIn.title')}</Typography.Title>
        {shownError && (
          <Alert
            type={isThrottled ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={shownError.message}
            description={isThrottled ? t('signIn.throttledHint') : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        {isTotpStep && <Alert type="info" showIcon title={t('signIn.totpHint')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={signIn.isPending}>
          <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input autoComplete="username" autoFocus={!isTotpStep} readOnly={isTotpStep} />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="current-password" readOnly={isTotpStep} />
          </Form.Item>
          {isTotpStep && (
            <Form.Item
              name="totp"
              label={t('signIn.totp')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('signIn.totpFormat') }]}
            >
              <Input.OTP length={6} autoFocus autoComplete="one-time-code" formatter={(v) => v.replace(/\D/g, '')} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          {isTotpStep && (
            <Button
              type="link"
              block
              style={{ marginTop: 8 }}
              onClick={() => {
                setIsTotpStep(false)
                signIn.reset()
                form.resetFields(['password', 'totp'])
              }}
            >
              {t('signIn.back')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  )
}
