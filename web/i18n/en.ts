import type { MessageKey } from './vi.ts'
import { MESSAGES as M } from './messages.ts'

// English, switchable. Typed against vi.ts so a feature left out here fails the type check (and
// each feature's own `en` is typed against its `vi`, so does a key missing there).
export const en: Record<MessageKey, string> = {
  ...M.common.en,
  ...M.auth.en,
  ...M.units.en,
  ...M.people.en,
  ...M.accounts.en,
  ...M.audit.en,
  ...M.dashboard.en,
  ...M.directives.en,
  ...M.dissemination.en,
  ...M.notifications.en,
  ...M.plans.en,
  ...M.reports.en,
  ...M.cases.en,
  ...M.overview.en,
  ...M.home.en,
  ...M.inspections.en,
  ...M.correctiveActions.en,
  ...M.checklists.en,
  ...M.positions.en,
  ...M.officers.en,
  ...M.materials.en,
  ...M.channels.en,
  ...M.incidents.en,
  ...M.jobs.en,
}
