// Every screen's messages, by owner: the shared ones here in i18n/, each feature's beside its pages
// (web/features/<feature>/messages.ts). vi.ts and en.ts merge them; messages.test.ts holds that
// every key has one owner and both languages.
import { accountsMessages } from '../features/accounts/messages.ts'
import { auditMessages } from '../features/audit/messages.ts'
import { authMessages } from '../features/auth/messages.ts'
import { casesMessages } from '../features/cases/messages.ts'
import { dashboardMessages } from '../features/dashboard/messages.ts'
import { directivesMessages } from '../features/directives/messages.ts'
import { disseminationMessages } from '../features/dissemination/messages.ts'
import { notificationsMessages } from '../features/notifications/messages.ts'
import { overviewMessages } from '../features/overview/messages.ts'
import { peopleMessages } from '../features/people/messages.ts'
import { plansMessages } from '../features/plans/messages.ts'
import { reportsMessages } from '../features/reports/messages.ts'
import { unitsMessages } from '../features/units/messages.ts'
import { inspectionsMessages } from '../features/inspections/messages.ts'
import { correctiveActionsMessages } from '../features/corrective-actions/messages.ts'
import { checklistsMessages } from '../features/checklists/messages.ts'
import { positionsMessages } from '../features/positions/messages.ts'
import { officersMessages } from '../features/officers/messages.ts'
import { materialsMessages } from '../features/materials/messages.ts'
import { channelsMessages } from '../features/channels/messages.ts'
import { incidentsMessages } from '../features/incidents/messages.ts'
import { homeMessages } from '../features/home/messages.ts'
import { jobsMessages } from '../features/jobs/messages.ts'
import { commonMessages } from './common.ts'

export const MESSAGES = {
  common: commonMessages,
  auth: authMessages,
  units: unitsMessages,
  people: peopleMessages,
  accounts: accountsMessages,
  audit: auditMessages,
  dashboard: dashboardMessages,
  directives: directivesMessages,
  dissemination: disseminationMessages,
  notifications: notificationsMessages,
  plans: plansMessages,
  reports: reportsMessages,
  cases: casesMessages,
  overview: overviewMessages,
  home: homeMessages,
  inspections: inspectionsMessages,
  correctiveActions: correctiveActionsMessages,
  checklists: checklistsMessages,
  positions: positionsMessages,
  officers: officersMessages,
  materials: materialsMessages,
  channels: channelsMessages,
  incidents: incidentsMessages,
  jobs: jobsMessages,
}
