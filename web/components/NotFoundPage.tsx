import { Button, Result } from 'antd'
import { useNavigate } from 'react-router'
import { useT } from '../i18n/useT.ts'

/**
 * The app's one "not found" page: an unknown address, and a record the server answers 404 for
 * (a confidential case one is not on the list of looks exactly like a page that does not exist).
 */
export function NotFoundPage() {
  const t = useT()
  const navigate = useNavigate()
  return <Result status="404" title={t('error.notFoundTitle')} extra={<Button onClick={() => navigate('/')}>{t('common.home')}</Button>} />
}
