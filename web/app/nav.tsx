import type { ReactNode } from 'react'
import type { Role } from '../../contract/roles.ts'
import { AccountsIcon, AuditIcon, DirectivesIcon, InboxIcon, PeopleIcon, ReportsIcon, UnitsIcon } from '../components/icons.tsx'
import { ACCESS } from '../features/auth/access.ts'
import type { MessageKey } from '../i18n/translate.ts'

export interface NavItem {
  path: string
  label: MessageKey
  icon: ReactNode
  /** The menu shows the item to holders of any of these roles. */
  roles: readonly Role[]
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/directives', label: 'nav.directives', icon: <DirectivesIcon />, roles: ACCESS.directives },
  { path: '/my-directives', label: 'nav.myDirectives', icon: <InboxIcon />, roles: ACCESS.myDirectives },
  { path: '/reports', label: 'nav.reports', icon: <ReportsIcon />, roles: ACCESS.reports },
  { path: '/units', label: 'nav.units', icon: <UnitsIcon />, roles: ACCESS.units },
  { path: '/people', label: 'nav.people', icon: <PeopleIcon />, roles: ACCESS.people },
  { path: '/accounts', label: 'nav.accounts', icon: <AccountsIcon />, roles: ACCESS.accounts },
  { path: '/audit', label: 'nav.audit', icon: <AuditIcon />, roles: ACCESS.audit },
]
