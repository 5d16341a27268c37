import { Alert, Empty, Skeleton, Tag, Tooltip, Typography } from 'antd'
import { Link } from 'react-router'
import type { MatrixDto, MatrixRow } from '../../../contract/dashboard.ts'
import { formatDate } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import { behindUnits, shortLabel } from './matrix-rows.ts'

interface Props {
  /** A flat answer ranked by overdue (worst first). */
  answer: MatrixDto | undefined
  /** The tree answer, to name parents above the addressees. */
  treeRows: MatrixRow[]
  isLoading: boolean
  error: Error | null
  planLink: (unitId: number) => string
  addresseeIds: Set<number>
}

/** On a phone, instead of the matrix: which units are behind and on what, worst first, each with its plan one tap away. */
export function BehindList({ answer, treeRows, isLoading, error, planLink, addresseeIds }: Props) {
  const t = useT()
  if (error) return <Alert type="error" showIcon title={error.message} />
  if (isLoading || !answer) return <Skeleton active />
  const behind = behindUnits(answer.rows, treeRows)
  if (!behind.length) return <Empty data-testid="behind-none" description={t('dashboard.behindNone', { date: formatDate(answer.asOf) })} />
  return (
    <section aria-label={t('dashboard.behindTitle')}>
      <Typography.Text strong>{t('dashboard.behindTitle')}</Typography.Text>{' '}
      <Typography.Text type="secondary">({t('dashboard.behindCount', { count: behind.length })})</Typography.Text>
      <ol className="bvct-behind-list" data-testid="behind-list">
        {behind.map((b) => (
          <li key={b.row.unitId} className="bvct-behind" data-testid="behind-unit" data-unit-id={b.row.unitId} data-overdue={b.overdue}>
            <div className="bvct-behind-head">
              <div className="bvct-behind-name">
                {addresseeIds.has(b.row.unitId) ? <Link to={planLink(b.row.unitId)}>{b.row.unitName}</Link> : <span>{b.row.unitName}</span>}
                {b.parentName && <div className="bvct-muted bvct-behind-parent">{b.parentName}</div>}
              </div>
              {b.overdue > 0 ? <Tag color="error" className="bvct-mini-tag">{t('dashboard.overdueActionsCount', { count: b.overdue })}</Tag> : null}
            </div>
            {b.requirements.length > 0 && (
              <div className="bvct-behind-reqs">
                <span className="bvct-muted">{t('dashboard.overdueOn')}</span>
                {b.requirements.map((i) => {
                  const q = answer.requirements[i]
                  return (
                    <Tooltip key={q.id} title={`${q.label} ${q.text}`}>
                      <Tag className="bvct-mini-tag bvct-behind-req">{q.label.replace(/\.$/, '') || i + 1}. {shortLabel(q.text, 4, 28)}</Tag>
                    </Tooltip>
                  )
                })}
              </div>
            )}
            {b.row.ackLate > 0 && <div className="bvct-late bvct-behind-ack">{t('dashboard.ackLateOnly')}</div>}
          </li>
        ))}
      </ol>
    </section>
  )
}
