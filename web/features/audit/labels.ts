import { PERSON_CATEGORY_LABELS } from '../../../contract/people.ts'
import { ROLE_LABELS } from '../../../contract/roles.ts'
import { UNIT_KIND_LABELS } from '../../../contract/units.ts'
import type { Lang } from '../../i18n/lang.ts'
import { translate, type MessageKey } from '../../i18n/translate.ts'
import { vi } from '../../i18n/vi.ts'

/** A dictionary entry if there is one (`audit.action.create`), else the raw identifier. */
function lookup(lang: Lang, prefix: string, id: string): string {
  const key = `${prefix}.${id}`
  return key in vi ? translate(lang, key as MessageKey) : id
}

export const actionLabel = (lang: Lang, action: string) => lookup(lang, 'audit.action', action)
export const entityLabel = (lang: Lang, entity: string) => lookup(lang, 'audit.entity', entity)
export const fieldLabel = (lang: Lang, field: string) => lookup(lang, 'field', field)

/** Entities the filter offers; the log may hold others, which still show by their identifier. */
export const AUDIT_ENTITIES = ['unit', 'person', 'account', 'session', 'system'] as const

const VALUE_LABELS: Record<string, Record<string, { vi: string; en: string }>> = {
  kind: UNIT_KIND_LABELS,
  role: ROLE_LABELS,
  category: PERSON_CATEGORY_LABELS,
}

/** A role grant in a list: "Cán bộ … · Bệnh viện Bạch Mai". */
const grantLabel = (lang: Lang, g: { role: unknown; unitName?: string; unitId?: number }): string =>
  `${formatValue(lang, 'role', g.role)} · ${g.unitName ?? `#${g.unitId}`}`

/** A snapshot value as a reader would say it: labels for codes, yes/no, role lists spelled out. */
export function formatValue(lang: Lang, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return translate(lang, value ? 'common.yes' : 'common.no')
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value]?.[lang] ?? value
  if (Array.isArray(value)) {
    if (!value.length) return '—'
    return value
      .map((v) =>
        v && typeof v === 'object' && 'role' in v
          ? grantLabel(lang, v as { role: unknown; unitName?: string; unitId?: number })
          : formatValue(lang, field, v),
      )
      .join('; ')
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
