import { lazy } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import type { Me } from '../../contract/auth.ts'
import { OVERVIEW_ROLES } from '../../contract/overview.ts'
import { NotFoundPage } from '../components/NotFoundPage.tsx'
import { ACCESS } from '../features/auth/access.ts'
import { AppShell } from './AppShell.tsx'
import { RequireRole } from './RequireRole.tsx'

// One chunk per page: the sign-in screen does not wait for the audit log's code.
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx'))
const PeoplePage = lazy(() => import('../features/people/PeoplePage.tsx'))
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'))
const RoleRequestsPage = lazy(() => import('../features/accounts/RoleRequestsPage.tsx'))
const JobsPage = lazy(() => import('../features/jobs/JobsPage.tsx'))
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'))
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage.tsx'))
const TwoFactorPage = lazy(() => import('../features/auth/TwoFactorPage.tsx'))
const DirectivesPage = lazy(() => import('../features/directives/DirectivesPage.tsx'))
const RegisterDirectivePage = lazy(() => import('../features/directives/RegisterDirectivePage.tsx'))
const EditDirectivePage = lazy(() => import('../features/directives/RegisterDirectivePage.tsx').then((m) => ({ default: m.EditDirectivePage })))
const ParserAccuracyPage = lazy(() => import('../features/directives/ParserAccuracyPage.tsx'))
const DirectiveDetailPage = lazy(() => import('../features/directives/DirectiveDetailPage.tsx'))
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'))
const FollowUpPage = lazy(() => import('../features/dashboard/FollowUpPage.tsx'))
const PlanPage = lazy(() => import('../features/plans/PlanPage.tsx'))
const DisseminationPage = lazy(() => import('../features/dissemination/DisseminationPage.tsx'))
const MyDirectivesPage = lazy(() => import('../features/dissemination/MyDirectivesPage.tsx'))
const MyDirectivePage = lazy(() => import('../features/materials/MyDirectivePage.tsx'))
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx'))
const PeriodsPage = lazy(() => import('../features/reports/PeriodsPage.tsx'))
const PeriodPage = lazy(() => import('../features/reports/PeriodPage.tsx'))
const UnitReportPage = lazy(() => import('../features/reports/UnitReportPage.tsx'))
const CasesPage = lazy(() => import('../features/cases/CasesPage.tsx'))
const CasePage = lazy(() => import('../features/cases/CasePage.tsx'))
const CaseGroupsPage = lazy(() => import('../features/cases/CaseGroupsPage.tsx'))
const MyNoticesPage = lazy(() => import('../features/cases/MyNoticesPage.tsx'))
const OverviewPage = lazy(() => import('../features/overview/OverviewPage.tsx'))
const HomePage = lazy(() => import('../features/home/HomePage.tsx'))
const InspectionsPage = lazy(() => import('../features/inspections/InspectionsPage.tsx'))
const InspectionPlanPage = lazy(() => import('../features/inspections/InspectionPlanPage.tsx'))
const InspectionPage = lazy(() => import('../features/inspections/InspectionPage.tsx'))
const CorrectiveActionsPage = lazy(() => import('../features/corrective-actions/CorrectiveActionsPage.tsx'))
const CorrectiveActionPage = lazy(() => import('../features/corrective-actions/CorrectiveActionPage.tsx'))
const ChecklistsPage = lazy(() => import('../features/checklists/ChecklistsPage.tsx'))
const ChecklistPage = lazy(() => import('../features/checklists/ChecklistPage.tsx'))
const PositionsPage = lazy(() => import('../features/positions/PositionsPage.tsx'))
const PositionPage = lazy(() => import('../features/positions/PositionPage.tsx'))
const OfficersPage = lazy(() => import('../features/officers/OfficersPage.tsx'))
const TrainingCoursesPage = lazy(() => import('../features/officers/TrainingCoursesPage.tsx'))
const TrainingCoursePage = lazy(() => import('../features/officers/TrainingCoursePage.tsx'))
const ChannelsPage = lazy(() => import('../features/channels/ChannelsPage.tsx'))
const ChannelPage = lazy(() => import('../features/channels/ChannelPage.tsx'))
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage.tsx'))
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage.tsx'))

export function AppRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route element={<AppShell me={me} />}>
        <Route index element={<Navigate to="/home" replace />} />
        {/* Everyone: it shows the caller's own work, or sends staff and administrators to their page. */}
        <Route path="home" element={<HomePage />} />
        <Route path="overview" element={<RequireRole me={me} roles={OVERVIEW_ROLES}><OverviewPage /></RequireRole>} />
        <Route path="units" element={<RequireRole me={me} roles={ACCESS.units}><UnitsPage /></RequireRole>} />
        <Route path="people" element={<RequireRole me={me} roles={ACCESS.people}><PeoplePage /></RequireRole>} />
        <Route path="accounts" element={<RequireRole me={me} roles={ACCESS.accounts}><AccountsPage /></RequireRole>} />
        <Route path="role-requests" element={<RequireRole me={me} roles={ACCESS.roleRequests}><RoleRequestsPage /></RequireRole>} />
        <Route path="admin/jobs" element={<RequireRole me={me} roles={ACCESS.jobs}><JobsPage /></RequireRole>} />
        <Route path="audit" element={<RequireRole me={me} roles={ACCESS.audit}><AuditPage /></RequireRole>} />
        <Route path="admin/parser-accuracy" element={<RequireRole me={me} roles={ACCESS.parserAccuracy}><ParserAccuracyPage /></RequireRole>} />
        <Route path="directives" element={<RequireRole me={me} roles={ACCESS.directives}><DirectivesPage /></RequireRole>} />
        <Route path="directives/new" element={<RequireRole me={me} roles={ACCESS.directivesManage}><RegisterDirectivePage /></RequireRole>} />
        <Route path="directives/:id" element={<RequireRole me={me} roles={ACCESS.directives}><DirectiveDetailPage /></RequireRole>} />
        <Route path="directives/:id/edit" element={<RequireRole me={me} roles={ACCESS.directivesManage}><EditDirectivePage /></RequireRole>} />
        <Route path="follow-up" element={<RequireRole me={me} roles={ACCESS.dashboard}><FollowUpPage /></RequireRole>} />
        <Route path="directives/:id/dashboard" element={<RequireRole me={me} roles={ACCESS.dashboard}><DashboardPage /></RequireRole>} />
        <Route path="directives/:id/units/:unitId/plan" element={<RequireRole me={me} roles={ACCESS.plans}><PlanPage /></RequireRole>} />
        <Route path="directives/:id/units/:unitId/dissemination" element={<RequireRole me={me} roles={ACCESS.sessions}><DisseminationPage /></RequireRole>} />
        <Route path="my-directives" element={<MyDirectivesPage />} />
        {/* Reach is the person's own unit, checked by the server: no role check here. */}
        <Route path="my-directives/:id" element={<MyDirectivePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="reports" element={<RequireRole me={me} roles={ACCESS.reports}><PeriodsPage /></RequireRole>} />
        <Route path="reports/:id" element={<RequireRole me={me} roles={ACCESS.reports}><PeriodPage /></RequireRole>} />
        <Route path="reports/:id/units/:unitId" element={<RequireRole me={me} roles={ACCESS.reports}><UnitReportPage /></RequireRole>} />
        <Route path="cases" element={<RequireRole me={me} roles={ACCESS.cases}><CasesPage /></RequireRole>} />
        {/* No role check: whoever is not on the case's list gets the same not-found page as for an unknown address. */}
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="case-groups" element={<RequireRole me={me} roles={ACCESS.caseGroups}><CaseGroupsPage /></RequireRole>} />
        <Route path="inspections" element={<RequireRole me={me} roles={ACCESS.inspections}><InspectionsPage /></RequireRole>} />
        <Route path="inspection-plans/:id" element={<RequireRole me={me} roles={ACCESS.inspections}><InspectionPlanPage /></RequireRole>} />
        <Route path="inspections/:id" element={<RequireRole me={me} roles={ACCESS.inspections}><InspectionPage /></RequireRole>} />
        <Route path="corrective-actions" element={<RequireRole me={me} roles={ACCESS.correctiveActions}><CorrectiveActionsPage /></RequireRole>} />
        <Route path="corrective-actions/:id" element={<RequireRole me={me} roles={ACCESS.correctiveActions}><CorrectiveActionPage /></RequireRole>} />
        <Route path="checklists" element={<RequireRole me={me} roles={ACCESS.checklists}><ChecklistsPage /></RequireRole>} />
        <Route path="checklists/:id" element={<RequireRole me={me} roles={ACCESS.checklists}><ChecklistPage /></RequireRole>} />
        <Route path="positions" element={<RequireRole me={me} roles={ACCESS.positions}><PositionsPage /></RequireRole>} />
        <Route path="positions/:id" element={<RequireRole me={me} roles={ACCESS.positions}><PositionPage /></RequireRole>} />
        <Route path="officers" element={<RequireRole me={me} roles={ACCESS.officers}><OfficersPage /></RequireRole>} />
        <Route path="training-courses" element={<RequireRole me={me} roles={ACCESS.officers}><TrainingCoursesPage /></RequireRole>} />
        <Route path="training-courses/:id" element={<RequireRole me={me} roles={ACCESS.officers}><TrainingCoursePage /></RequireRole>} />
        <Route path="channels" element={<RequireRole me={me} roles={ACCESS.channels}><ChannelsPage /></RequireRole>} />
        <Route path="channels/:id" element={<RequireRole me={me} roles={ACCESS.channels}><ChannelPage /></RequireRole>} />
        <Route path="incidents" element={<RequireRole me={me} roles={ACCESS.incidents}><IncidentsPage /></RequireRole>} />
        <Route path="incidents/:id" element={<RequireRole me={me} roles={ACCESS.incidents}><IncidentPage /></RequireRole>} />
        <Route path="my-notices" element={<MyNoticesPage />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="account/two-factor" element={<TwoFactorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
