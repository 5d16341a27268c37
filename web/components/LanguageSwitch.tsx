import { Segmented } from 'antd'
import { setLang, type Lang } from '../i18n/lang.ts'
import { useLang, useT } from '../i18n/useT.ts'

/** VI | EN; the choice is kept in localStorage and sent to the server as Accept-Language. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const lang = useLang()
  const t = useT()
  return (
    <Segmented<Lang>
      size={size}
      value={lang}
      onChange={setLang}
      aria-label={t('lang.switch')}
      options={[
        { value: 'vi', label: <span title="Tiếng Việt" lang="vi">VI</span> },
        { value: 'en', label: <span title="English" lang="en">EN</span> },
      ]}
    />
  )
}
