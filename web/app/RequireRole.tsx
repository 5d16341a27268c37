import { Result } from 'antd'
import type { ReactNode } from 'react'
import type { Me } from '../../contract/auth.ts'
import type { Role } from '../../contract/roles.ts'
import { hasAnyRole } from '../features/auth/access.ts'
import { useT } from '../i18n/useT.ts'

/** A page opened by URL without the role for it says so instead of showing empty errors. */
export function RequireRole({ me, roles, children }: { me: Me; roles: readonly Role[]; children: ReactNode }) {
  const t = useT()
  if (!hasAnyRole(me, roles)) return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenPage')} />
  return <>{children}</>
}
