import type { ReactNode } from 'react'
import { OVERVIEW_ROLES } from '../../contract/overview.ts'
import type { Role } from '../../contract/roles.ts'
import { AccountsIcon, AlertIcon, AuditIcon, BadgeIcon, ChecklistIcon, CorrectiveIcon, DashboardIcon, DirectivesIcon, GlobeIcon, InboxIcon, InspectionsIcon, KeyIcon, LockIcon, MailIcon, PeopleIcon, ReportsIcon, TeamIcon, UnitsIcon } from '../components/icons.tsx'
import { ACCESS } from '../features/auth/access.ts'
import type { CaseNavFlags } from '../features/cases/useCaseNavFlags.ts'
import type { MessageKey } from '../i18n/translate.ts'

/** The menu's sections, in order: a person finds an entry by what it is for. */
export const NAV_GROUPS = ['work', 'directives', 'inspection', 'people', 'information', 'admin', 'system'] as const
export type NavGroup = (typeof NAV_GROUPS)[number]

export interface NavItem {
  group: NavGroup
  path: string
  label: MessageKey
  icon: ReactNode
  /** The menu shows the item to holders of any of these roles. */
  roles: readonly Role[]
  /** And, when given, only while this holds. */
  isShown?: (flags: CaseNavFlags) => boolean
  /** Other pages that belong to this entry (a directive's dashboard belongs to "Theo dõi", not to the directive list). */
  alsoActiveOn?: RegExp
}

export const NAV_ITEMS: NavItem[] = [
  { group: 'work', path: '/home', label: 'home.nav', icon: <ChecklistIcon />, roles: ACCESS.home },
  { group: 'work', path: '/overview', label: 'overview.nav', icon: <DashboardIcon />, roles: OVERVIEW_ROLES },
  { group: 'work', path: '/follow-up', label: 'dashboard.nav', icon: <DashboardIcon />, roles: ACCESS.dashboard, alsoActiveOn: /^\/directives\/\d+\/dashboard$/ },
  { group: 'directives', path: '/directives', label: 'nav.directives', icon: <DirectivesIcon />, roles: ACCESS.directives },
  { group: 'directives', path: '/my-directives', label: 'nav.myDirectives', icon: <InboxIcon />, roles: ACCESS.myDirectives },
  // Always in the user menu; here only for someone who has notices, so they are not missed.
  { group: 'directives', path: '/my-notices', label: 'nav.myNotices', icon: <MailIcon />, roles: ACCESS.myNotices, isShown: (f) => f.hasCaseNotices },
  { group: 'directives', path: '/reports', label: 'nav.reports', icon: <ReportsIcon />, roles: ACCESS.reports },
  { group: 'inspection', path: '/inspections', label: 'inspections.nav', icon: <InspectionsIcon />, roles: ACCESS.inspections },
  { group: 'inspection', path: '/corrective-actions', label: 'corrective.nav', icon: <CorrectiveIcon />, roles: ACCESS.correctiveActions },
  { group: 'inspection', path: '/checklists', label: 'checklists.nav', icon: <ChecklistIcon />, roles: ACCESS.checklists },
  { group: 'people', path: '/positions', label: 'positions.nav', icon: <KeyIcon />, roles: ACCESS.positions },
  { group: 'people', path: '/officers', label: 'officers.nav', icon: <BadgeIcon />, roles: ACCESS.officers },
  { group: 'people', path: '/cases', label: 'nav.cases', icon: <LockIcon />, roles: ACCESS.cases },
  { group: 'people', path: '/case-groups', label: 'nav.caseGroups', icon: <TeamIcon />, roles: ACCESS.caseGroupsChange, isShown: (f) => f.managesCaseGroups },
  { group: 'information', path: '/channels', label: 'channels.nav', icon: <GlobeIcon />, roles: ACCESS.channels },
  { group: 'information', path: '/incidents', label: 'incidents.nav', icon: <AlertIcon />, roles: ACCESS.incidents },
  { group: 'admin', path: '/units', label: 'nav.units', icon: <UnitsIcon />, roles: ACCESS.units },
  { group: 'admin', path: '/people', label: 'nav.people', icon: <PeopleIcon />, roles: ACCESS.people },
  { group: 'admin', path: '/accounts', label: 'nav.accounts', icon: <AccountsIcon />, roles: ACCESS.accounts },
  { group: 'admin', path: '/role-requests', label: 'roleRequests.nav', icon: <AccountsIcon />, roles: ACCESS.roleRequests },
  { group: 'system', path: '/audit', label: 'nav.audit', icon: <AuditIcon />, roles: ACCESS.audit },
  { group: 'system', path: '/admin/jobs', label: 'jobs.nav', icon: <ChecklistIcon />, roles: ACCESS.jobs },
  { group: 'system', path: '/admin/parser-accuracy', label: 'directives.accuracy.nav', icon: <ReportsIcon />, roles: ACCESS.parserAccuracy },
]

/** The entry a page belongs to: one that claims it outright, else the longest path it lies under. */
export function activeNavItem<T extends Pick<NavItem, 'path' | 'alsoActiveOn'>>(items: T[], pathname: string): T | undefined {
  return items.find((i) => i.alsoActiveOn?.test(pathname))
    ?? items.filter((i) => pathname === i.path || pathname.startsWith(i.path + '/')).sort((a, b) => b.path.length - a.path.length)[0]
}
