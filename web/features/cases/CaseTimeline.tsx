import { Card, Timeline, Typography } from 'antd'
import { useMemo } from 'react'
import { formatDate } from '../../components/format.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useKnownAccounts } from './AccountSelect.tsx'
import { useCaseAccess, type CaseDto } from './api.ts'
import { useStepLabel } from './CaseTags.tsx'
import { buildTimeline } from './timeline.ts'

/** The accounts a case's page can name: its list (for those who manage it) and the named groups. */
export function useCaseAccounts(c: CaseDto) {
  const access = useCaseAccess(c.id, c.access.canManageAccess && !c.access.viaBreakGlass)
  const fromList = useMemo(() => (access.data?.entries ?? []).filter((e) => e.accountId !== null).map((e) => ({ id: e.accountId!, name: e.name })), [access.data])
  return useKnownAccounts(fromList)
}

/** The steps taken, oldest first (date, who, note, details), then what comes next. */
export function CaseTimeline({ c }: { c: CaseDto }) {
  const t = useT()
  const label = useLabel()
  const stepLabel = useStepLabel()
  const accounts = useCaseAccounts(c)
  const entries = useMemo(() => {
    const names = new Map(accounts.map((a) => [a.id, a.name]))
    return buildTimeline(c, { t, label, accountName: (id) => names.get(id) })
  }, [c, t, label, accounts])
  return (
    <Card size="small" title={t('cases.timeline')} data-testid="case-timeline">
      <Timeline
        items={entries.map((e) => ({
          key: e.key,
          color: e.isPending ? 'gray' : 'green',
          content: (
            <div className={e.isPending ? 'bvct-step bvct-step-pending' : 'bvct-step'} data-testid={e.isPending ? 'step-next' : 'step-done'}>
              <div className="bvct-step-head">
                <Typography.Text strong={!e.isPending} type={e.isPending ? 'secondary' : undefined}>{stepLabel(e.step)}</Typography.Text>
                {e.isPending ? (
                  <Typography.Text type="secondary">{t('cases.timelineNext')}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {formatDate(e.doneOn)}
                    {e.by && ` · ${e.by}`}
                  </Typography.Text>
                )}
              </div>
              {e.details.length > 0 && (
                <dl className="bvct-step-details">
                  {e.details.map((d) => (
                    <div key={d.label}>
                      <dt>{d.label}</dt>
                      <dd>{d.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {e.note && <div className="bvct-prose bvct-step-note">{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  )
}
