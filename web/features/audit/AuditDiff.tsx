import { Typography } from 'antd'
import type { AuditEntryDto } from '../../../contract/audit.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useUnitIndex } from '../units/api.ts'
import { diffSnapshots } from './diff.ts'
import { fieldLabel, formatValue } from './labels.ts'

/** before → after, one line per field; changed lines highlighted, unchanged ones greyed. */
export function AuditDiff({ entry }: { entry: AuditEntryDto }) {
  const t = useT()
  const lang = useLang()
  const units = useUnitIndex()
  const rows = diffSnapshots(entry.before, entry.after)
  // Unit ids read better as names; the id stays for cross-checking.
  const show = (key: string, value: unknown) => {
    const unit = (key === 'parentId' || key === 'unitId') && typeof value === 'number' ? units.byId.get(value) : undefined
    return unit ? `${unit.name} (#${value})` : formatValue(lang, key, value)
  }
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
  const hasBefore = entry.before != null
  const hasAfter = entry.after != null
  return (
    <table className="bvct-diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th style={{ width: '22%' }}>{t('audit.field')}</th>
          {hasBefore && <th>{t('audit.before')}</th>}
          {hasAfter && <th>{hasBefore ? t('audit.after') : t('audit.value')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const isChanged = r.status !== 'same'
          return (
            <tr key={r.key} className={isChanged && hasBefore && hasAfter ? 'bvct-diff-changed' : undefined}>
              <td>{r.key ? fieldLabel(lang, r.key) : '—'}</td>
              {hasBefore && (
                <td className={!isChanged ? 'bvct-diff-same' : hasAfter ? 'bvct-diff-before' : undefined}>{show(r.key, r.before)}</td>
              )}
              {hasAfter && (
                <td className={!isChanged ? 'bvct-diff-same' : hasBefore ? 'bvct-diff-after' : undefined}>
                  {hasBefore && isChanged && '→ '}
                  {show(r.key, r.after)}
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
