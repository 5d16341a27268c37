import type { ReactNode } from 'react'
import { OVERVIEW_ROLES } from '../../contract/overview.ts'
import type { Role } from '../../contract/roles.ts'
import { AccountsIcon, AlertIcon, AuditIcon, BadgeIcon, ChecklistIcon, CorrectiveIcon, DashboardIcon, DirectivesIcon, GlobeIcon, InboxIcon, InspectionsIcon, KeyIcon, LockIcon, MailIcon, PeopleIcon, ReportsIcon, TeamIcon, UnitsIcon } from '../components/icons.tsx'
import { ACCESS } from '../features/auth/access.ts'
import type { CaseNavFlags } from '../features/cases/useCaseNavFlags.ts'
import type { MessageKey } from '../i18n/translate.ts'

export interface NavItem {
  path: string
  label: MessageKey
  icon: ReactNode
  /** The menu shows the item to holders of any of these roles. */
  roles: readonly Role[]
  /** And, when given, only while this holds. */
  isShown?: (flags: CaseNavFlags) => boolean
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/home', label: 'home.nav', icon: <ChecklistIcon />, roles: ACCESS.home },
  { path: '/overview', label: 'overview.nav', icon: <DashboardIcon />, roles: OVERVIEW_ROLES },
  { path: '/directives', label: 'nav.directives', icon: <DirectivesIcon />, roles: ACCESS.directives },
  { path: '/follow-up', label: 'dashboard.nav', icon: <DashboardIcon />, roles: ACCESS.dashboard },
  { path: '/my-directives', label: 'nav.myDirectives', icon: <InboxIcon />, roles: ACCESS.myDirectives },
  // Always in the user menu; here only for someone who has notices, so they are not missed.
  { path: '/my-notices', label: 'nav.myNotices', icon: <MailIcon />, roles: ACCESS.myNotices, isShown: (f) => f.hasCaseNotices },
  { path: '/reports', label: 'nav.reports', icon: <ReportsIcon />, roles: ACCESS.reports },
  { path: '/inspections', label: 'inspections.nav', icon: <InspectionsIcon />, roles: ACCESS.inspections },
  { path: '/corrective-actions', label: 'corrective.nav', icon: <CorrectiveIcon />, roles: ACCESS.correctiveActions },
  { path: '/checklists', label: 'checklists.nav', icon: <ChecklistIcon />, roles: ACCESS.checklists },
  { path: '/positions', label: 'positions.nav', icon: <KeyIcon />, roles: ACCESS.positions },
  { path: '/officers', label: 'officers.nav', icon: <BadgeIcon />, roles: ACCESS.officers },
  { path: '/channels', label: 'channels.nav', icon: <GlobeIcon />, roles: ACCESS.channels },
  { path: '/incidents', label: 'incidents.nav', icon: <AlertIcon />, roles: ACCESS.incidents },
  { path: '/cases', label: 'nav.cases', icon: <LockIcon />, roles: ACCESS.cases },
  { path: '/case-groups', label: 'nav.caseGroups', icon: <TeamIcon />, roles: ACCESS.caseGroupsChange, isShown: (f) => f.managesCaseGroups },
  { path: '/units', label: 'nav.units', icon: <UnitsIcon />, roles: ACCESS.units },
  { path: '/people', label: 'nav.people', icon: <PeopleIcon />, roles: ACCESS.people },
  { path: '/accounts', label: 'nav.accounts', icon: <AccountsIcon />, roles: ACCESS.accounts },
  { path: '/role-requests', label: 'roleRequests.nav', icon: <AccountsIcon />, roles: ACCESS.roleRequests },
  { path: '/audit', label: 'nav.audit', icon: <AuditIcon />, roles: ACCESS.audit },
  { path: '/admin/parser-accuracy', label: 'directives.accuracy.nav', icon: <ReportsIcon />, roles: ACCESS.parserAccuracy },
]
