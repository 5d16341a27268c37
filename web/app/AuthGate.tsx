import { Alert, Button, Result, Spin } from 'antd'
import { useMe } from '../features/auth/api.ts'
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm.tsx'
import { SignInPage } from '../features/auth/SignInPage.tsx'
import { TotpSetup } from '../features/auth/TotpSetup.tsx'
import { useT } from '../i18n/useT.ts'
import { AppRoutes } from './AppRoutes.tsx'
import { GateLayout } from './GateLayout.tsx'

/**
 * Decides what the visitor sees: sign-in when signed out; the two-factor setup alone when the
 * server demands it (every other route would answer MFA_SETUP_REQUIRED); a new password when an
 * administrator set a temporary one; otherwise the app, at whatever URL was asked for.
 */
export function AuthGate() {
  const t = useT()
  const { data: me, isPending, error, refetch } = useMe()

  if (isPending) return <Spin size="large" className="bvct-page-spin" />
  if (error)
    return <Result status="error" title={t('error.loadFailed')} subTitle={error.message} extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>} />
  if (!me) return <SignInPage />
  if (me.isMfaSetupRequired)
    return (
      <GateLayout title={t('totp.requiredTitle')}>
        <Alert type="warning" showIcon title={t('totp.required')} style={{ marginBottom: 16 }} />
        <TotpSetup />
      </GateLayout>
    )
  if (me.mustChangePassword)
    return (
      <GateLayout title={t('password.requiredTitle')}>
        <Alert type="warning" showIcon title={t('password.required')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm />
      </GateLayout>
    )
  return <AppRoutes me={me} />
}
