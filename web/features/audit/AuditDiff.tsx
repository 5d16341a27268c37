import { Collapse, Typography } from 'antd'
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
  // Names the server resolved come first; units the page already knows fill in (the id stays for cross-checking).
  const names = { ...entry.names }
  for (const [id, u] of units.byId) if (!names[`unit:${id}`] && entry.entity !== 'case') names[`unit:${id}`] = u.name
  const show = (key: string, value: unknown) => formatValue(lang, key, value, { entity: entry.entity, names })
  // The entry exactly as stored, for an auditor cross-checking the readable view against the chain.
  const raw = (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: 'raw',
          label: t('audit.raw'),
          children: (
            <>
              <Typography.Text type="secondary">{t('audit.rawHint')}</Typography.Text>
              <pre className="bvct-audit-raw" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: 0 }}>
                {JSON.stringify(
                  { id: entry.id, at: entry.at, actorId: entry.actorId, actorUsername: entry.actorUsername, ip: entry.ip, action: entry.action, entity: entry.entity, entityId: entry.entityId, unitId: entry.unitId, sessionNo: entry.sessionNo ?? undefined, before: entry.before, after: entry.after },
                  null,
                  2,
                )}
              </pre>
            </>
          ),
        },
      ]}
    />
  )
  if (!rows.length)
    return (
      <>
        <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
        {raw}
      </>
    )
  const hasBefore = entry.before != null
  const hasAfter = entry.after != null
  return (
    <>
    <table className="bvct-diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th style={{ width: '28%' }}>{t('audit.field')}</th>
          {hasBefore && <th>{t('audit.before')}</th>}
          {hasAfter && <th>{hasBefore ? t('audit.after') : t('audit.value')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const isChanged = r.status !== 'same'
          return (
            <tr key={r.key} className={isChanged && hasBefore && hasAfter ? 'bvct-diff-changed' : undefined}>
              <td style={{ wordBreak: 'normal', overflowWrap: 'break-word' }}>{r.key ? fieldLabel(lang, r.key) : '—'}</td>
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
    {raw}
    </>
  )
}
