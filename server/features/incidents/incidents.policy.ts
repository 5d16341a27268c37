// Who does what with incidents, the targets they are measured against, and to whom they go.
import { CYBERSECURITY_ROLES, INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES, KNOWN_RECIPIENTS, type IncidentTargets } from '../../../contract/incidents.ts'
import type { Config } from '../../config.ts'

export { CYBERSECURITY_ROLES, INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES }

export const targetsOf = (config: Pick<Config, 'incidentReportHours' | 'incidentCloseDays'>): IncidentTargets => ({ reportHours: config.incidentReportHours, closeDays: config.incidentCloseDays })

export interface Recipient {
  key: string
  label: { vi: string; en: string }
}

/**
 * The configured recipients: a known key takes its labels from the contract; `key=Label` names
 * another (the label serves both languages). An unknown bare key is shown as written.
 */
export function recipientsOf(config: Pick<Config, 'incidentRecipients'>): Recipient[] {
  return config.incidentRecipients.map((entry) => {
    const [key, ...rest] = entry.split('=')
    const name = rest.join('=').trim()
    return { key: key.trim(), label: name ? { vi: name, en: name } : (KNOWN_RECIPIENTS[key.trim()] ?? { vi: key.trim(), en: key.trim() }) }
  })
}
