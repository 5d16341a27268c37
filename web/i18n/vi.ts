// Vietnamese, the default and the source of keys: en.ts must have every key here.
import { MESSAGES as M } from './messages.ts'

export const vi = {
  ...M.common.vi,
  ...M.auth.vi,
  ...M.units.vi,
  ...M.people.vi,
  ...M.accounts.vi,
  ...M.audit.vi,
  ...M.dashboard.vi,
  ...M.directives.vi,
  ...M.dissemination.vi,
  ...M.notifications.vi,
  ...M.plans.vi,
  ...M.reports.vi,
  ...M.cases.vi,
  ...M.overview.vi,
  ...M.home.vi,
  ...M.inspections.vi,
  ...M.correctiveActions.vi,
  ...M.checklists.vi,
  ...M.positions.vi,
  ...M.officers.vi,
  ...M.materials.vi,
  ...M.channels.vi,
  ...M.incidents.vi,
  ...M.jobs.vi,
}

export type MessageKey = keyof typeof vi
