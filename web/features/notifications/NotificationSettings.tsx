import { Alert, App, List, Segmented, Skeleton, Switch, Typography } from 'antd'
import type { EmailKind } from '../../../contract/notification-texts.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { useNotificationSettings, useSaveNotificationSettings } from './api.ts'

/** One's own choices: which kinds also come by e-mail, and the e-mails' language. Saved on each change. */
export function NotificationSettings() {
  const t = useT()
  const { message } = App.useApp()
  const { data, error, isPending } = useNotificationSettings()
  const save = useSaveNotificationSettings()
  if (isPending) return <Skeleton active />
  if (error || !data) return <Alert type="error" showIcon title={error?.message} />
  const saved = { onSuccess: () => void message.success(t('notifications.saved')) }
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 640 }} data-testid="notification-settings">
      <Typography.Text type="secondary">{t('notifications.settingsIntro')}</Typography.Text>
      {!data.hasEmail && <Alert type="info" showIcon title={t('notifications.noEmail')} />}
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <span id="mail-language">{t('notifications.mailLanguage')}</span>
        <Segmented<'vi' | 'en'>
          aria-labelledby="mail-language"
          value={data.mailLanguage}
          onChange={(mailLanguage) => save.mutate({ mailLanguage }, saved)}
          options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]}
        />
      </div>
      <List
        size="small"
        bordered
        dataSource={data.kinds}
        renderItem={(k) => {
          const label = t(`notifications.kind.${k.kind}` as MessageKey)
          return (
            <List.Item extra={<Switch aria-label={`${label}: ${t('notifications.byEmail')}`} checked={k.email} loading={save.isPending && save.variables?.kinds?.[0]?.kind === k.kind} onChange={(email) => save.mutate({ kinds: [{ kind: k.kind as EmailKind, email }] }, saved)} />}>
              <span>{label}</span>
            </List.Item>
          )
        }}
      />
    </div>
  )
}
