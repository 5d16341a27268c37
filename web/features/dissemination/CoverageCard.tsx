import { Alert, Card, Progress, Skeleton, Statistic, Table, Typography } from 'antd'
import type { CoverageRowDto } from '../../../contract/dissemination.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { useCoverage } from './api.ts'

export const percent = (ratio: number) => Math.round(ratio * 1000) / 10

/** How many of the unit's people (and its sub-units') attended a session or confirmed receipt. */
export function CoverageCard({ directiveId, unitId }: { directiveId: number; unitId: number }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { data, error, isPending } = useCoverage(directiveId, unitId)
  const items = data?.items ?? []
  const people = items.reduce((s, r) => s + r.activePeople, 0)
  const reached = items.reduce((s, r) => s + r.reached, 0)
  const ratio = people ? reached / people : 0
  return (
    <Card size="small" title={t('dissemination.coverage')} data-testid="coverage">
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div className="bvct-stack bvct-stack-tight">
          <div className="bvct-coverage-summary">
            <Progress type="circle" percent={percent(ratio)} size={isPhone ? 72 : 88} format={(p) => `${p}%`} />
            <Statistic title={t('dissemination.reached')} value={reached} suffix={`/ ${people}`} data-testid="coverage-reached" />
            <Typography.Text type="secondary" style={{ maxWidth: 360 }}>{t('dissemination.coverageHint')}</Typography.Text>
          </div>
          {items.length > 1 && (
            <Table<CoverageRowDto>
              rowKey="unitId"
              size="small"
              dataSource={items}
              pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { key: 'unit', title: t('people.unit'), dataIndex: 'unitName' },
                { key: 'reached', title: t('dissemination.reached'), render: (_, r) => `${r.reached} / ${r.activePeople}${isPhone ? ` (${percent(r.coverage)}%)` : ''}`, width: isPhone ? 120 : 110 },
                ...(isPhone
                  ? []
                  : [{ key: 'pct', title: t('dissemination.coverage'), render: (_: unknown, r: CoverageRowDto) => <Progress percent={percent(r.coverage)} size="small" style={{ minWidth: 100, margin: 0 }} />, width: 180 }]),
              ]}
            />
          )}
        </div>
      )}
    </Card>
  )
}
