import { auditRefKind } from '../../../contract/audit.ts'
import { CORRECTIVE_STATUS_LABELS } from '../../../contract/corrective-actions.ts'
import { DIRECTIVE_STATUS_LABELS } from '../../../contract/directives.ts'
import { INCIDENT_LABELS } from '../../../contract/incidents.ts'
import { TRAINING_STATUS_LABELS } from '../../../contract/officers.ts'
import { PERSON_CATEGORY_LABELS } from '../../../contract/people.ts'
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS } from '../../../contract/plans.ts'
import { REPORT_STATUS_LABELS } from '../../../contract/reports.ts'
import { ROLE_LABELS } from '../../../contract/roles.ts'
import { UNIT_KIND_LABELS } from '../../../contract/units.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import type { Lang } from '../../i18n/lang.ts'
import { translate, type MessageKey } from '../../i18n/translate.ts'
import { vi } from '../../i18n/vi.ts'

/**
 * A dictionary entry if there is one (`audit.action.create`); else the identifier spelled as words
 * (`followUp` → "follow up"), so no raw camelCase reaches the page. The raw view keeps the identifier.
 */
function lookup(lang: Lang, prefix: string, id: string): string {
  const key = `${prefix}.${id}`
  return key in vi ? translate(lang, key as MessageKey) : spell(id)
}

/** `ownerPersonId` → "owner person id", `dissemination_session` → "dissemination session". */
export const spell = (id: string) =>
  id
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()

export const actionLabel = (lang: Lang, action: string) => lookup(lang, 'audit.action', action)
export const entityLabel = (lang: Lang, entity: string) => lookup(lang, 'audit.entity', entity)
export const fieldLabel = (lang: Lang, field: string) => lookup(lang, 'field', field)

/** Entities the filter offers; the log may hold others, which still show by their identifier. */
export const AUDIT_ENTITIES = ['unit', 'person', 'account', 'session', 'system'] as const

type Labels = Record<string, { vi: string; en: string }>

/** Codes spelled the way the feature pages spell them, by field name. */
const VALUE_LABELS: Record<string, Labels> = {
  kind: UNIT_KIND_LABELS,
  role: ROLE_LABELS,
  category: PERSON_CATEGORY_LABELS,
}

/** A record's status words are its own feature's (the plan page's "Chưa thực hiện", not `notStarted`). */
const STATUS_LABELS: Record<string, Labels> = {
  planAction: ACTION_STATUS_LABELS,
  unitPlan: PLAN_STATUS_LABELS,
  deadlineExtension: PLAN_STATUS_LABELS,
  directive: DIRECTIVE_STATUS_LABELS,
  unitReport: REPORT_STATUS_LABELS,
  correctiveAction: CORRECTIVE_STATUS_LABELS,
  officer: TRAINING_STATUS_LABELS,
  securityIncident: INCIDENT_LABELS.status,
}
const ALL_STATUS_LABELS: Labels[] = [ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, DIRECTIVE_STATUS_LABELS, REPORT_STATUS_LABELS, CORRECTIVE_STATUS_LABELS, TRAINING_STATUS_LABELS]

/** What a value is read against: the entry's record type and the names the server resolved for it. */
export interface ValueContext {
  entity?: string
  names?: Record<string, string>
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** A role grant in a list: "Cán bộ … · Bệnh viện Bạch Mai". */
const grantLabel = (lang: Lang, g: { role: unknown; unitName?: string; unitId?: number }, ctx: ValueContext): string =>
  `${formatValue(lang, 'role', g.role)} · ${g.unitName ?? (g.unitId !== undefined ? formatValue(lang, 'unitId', g.unitId, ctx) : '—')}`

function statusLabel(lang: Lang, entity: string | undefined, value: string): string | undefined {
  const own = entity ? STATUS_LABELS[entity]?.[value] : undefined
  return (own ?? ALL_STATUS_LABELS.find((l) => l[value])?.[value])?.[lang]
}

/**
 * A snapshot value as a reader would say it: people, units and accounts by name (the id kept beside
 * it for cross-checking), codes and statuses by the feature's own words, days as dd/MM/yyyy, yes/no,
 * role lists spelled out.
 */
export function formatValue(lang: Lang, field: string, value: unknown, ctx: ValueContext = {}): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return translate(lang, value ? 'common.yes' : 'common.no')
  const ref = auditRefKind(ctx.entity ?? '', field)
  if (ref && typeof value === 'number') {
    const name = ctx.names?.[`${ref}:${value}`]
    return name ? `${name} (#${value})` : `#${value}`
  }
  if (typeof value === 'string') {
    if (field === 'status') return statusLabel(lang, ctx.entity, value) ?? value
    const label = VALUE_LABELS[field]?.[value]?.[lang]
    if (label) return label
    if (DAY.test(value)) return formatDate(value)
    if (INSTANT.test(value)) return formatDateTime(value)
    return value
  }
  if (Array.isArray(value)) {
    if (!value.length) return '—'
    return value
      .map((v) =>
        v && typeof v === 'object' && 'role' in v
          ? grantLabel(lang, v as { role: unknown; unitName?: string; unitId?: number }, ctx)
          : formatValue(lang, field, v, ctx),
      )
      .join('; ')
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
