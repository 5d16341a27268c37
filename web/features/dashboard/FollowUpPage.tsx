import { Alert, Button, Empty, Skeleton } from 'antd'
import { Link, Navigate } from 'react-router'
import { useT } from '../../i18n/useT.ts'
import { useDirectives } from '../directives/api.ts'

/**
 * The "Theo dõi" menu entry: straight to the dashboard of the latest issued directive (what leaders
 * follow day to day); the directive list, one click away in the breadcrumb, leads to the others.
 */
export default function FollowUpPage() {
  const t = useT()
  const issued = useDirectives({ status: 'issued', limit: 200, offset: 0 })
  if (issued.error) return <Alert type="error" showIcon title={issued.error.message} />
  if (issued.isLoading || !issued.data) return <Skeleton active />
  const latest = [...issued.data.items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id)[0]
  if (latest) return <Navigate to={`/directives/${latest.id}/dashboard`} replace />
  return (
    <Empty description={t('dashboard.noIssued')}>
      <Link to="/directives"><Button>{t('dashboard.toDirectives')}</Button></Link>
    </Empty>
  )
}
