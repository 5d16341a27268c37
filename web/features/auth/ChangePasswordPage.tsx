import { Card } from 'antd'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'

export default function ChangePasswordPage() {
  const t = useT()
  usePageTitle(t('password.title'))
  return (
    <Card title={t('password.title')} className="bvct-narrow-card">
      <ChangePasswordForm />
    </Card>
  )
}
