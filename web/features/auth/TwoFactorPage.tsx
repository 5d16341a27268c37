import { Alert, Card, Tag } from 'antd'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { useMe } from './api.ts'
import { TotpDisable } from './TotpDisable.tsx'
import { TotpSetup } from './TotpSetup.tsx'

export default function TwoFactorPage() {
  const t = useT()
  usePageTitle(t('totp.title'))
  const { data: me } = useMe()
  if (!me) return null
  return (
    <Card
      title={t('totp.title')}
      extra={me.isTotpEnabled ? <Tag color="success">{t('totp.on')}</Tag> : <Tag>{t('totp.off')}</Tag>}
      className="bvct-narrow-card"
    >
      {me.isTotpEnabled ? (
        <>
          <Alert type="success" showIcon title={t('totp.isOn')} style={{ marginBottom: 16 }} />
          <TotpDisable />
        </>
      ) : (
        <TotpSetup />
      )}
    </Card>
  )
}
