import { Alert, Breadcrumb, Button, Statistic, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import type { ReadinessDto } from '../../../contract/positions.ts'
import { formatDate } from '../../components/format.ts'
import { ChevronRightIcon } from '../../components/icons.tsx'
import { useLang, useT } from '../../i18n/useT.ts'
import { useUnitIndex } from '../units/api.ts'
import { useReadiness } from './api.ts'
import { formatShare } from './share.ts'
import './positions.css'

type Child = ReadinessDto['children'][number]

/**
 * The readiness roll-up of a unit's subtree, a row per child unit (its own subtree) to drill into,
 * and a way to its register. `top` is where the breadcrumb starts (the caller's scope).
 */
export function ReadinessTab({ top, unitId, onDrill, onOpenRegister }: { top?: number; unitId?: number; onDrill: (id: number) => void; onOpenRegister: (id: number) => void }) {
  const t = useT()
  const lang = useLang()
  const index = useUnitIndex()
  const current = unitId ?? top
  const { data, isFetching, error } = useReadiness(current)
  const hasChildren = useMemo(() => new Set(index.items.map((u) => u.parentId).filter((p): p is number => p !== null)), [index.items])

  // The path from the top of the caller's scope down to the unit shown.
  const crumbs = useMemo(() => {
    const path: number[] = []
    for (let id: number | null = current ?? null, guard = 0; id !== null && guard < 50; id = index.parentOf(id), guard++) {
      path.unshift(id)
      if (id === top) break
    }
    return path
  }, [current, top, index])

  const columns = useMemo<TableColumnsType<Child>>(
    () => [
      {
        key: 'name',
        title: t('positions.unit'),
        fixed: 'left',
        width: 220,
        render: (_, c) =>
          hasChildren.has(c.unitId) ? (
            <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onDrill(c.unitId)} data-testid={`drill-${c.code}`}>
              {c.name} <ChevronRightIcon />
            </Button>
          ) : (
            c.name
          ),
      },
      { key: 'positions', title: t('positions.r.positions'), width: 88, dataIndex: 'positions', align: 'right' },
      { key: 'filled', title: t('positions.r.filled'), width: 88, dataIndex: 'filled', align: 'right' },
      { key: 'share', title: t('positions.r.share'), width: 88, align: 'right', render: (_, c) => formatShare(c.vettedShare, lang) },
      { key: 'expiring', title: t('positions.r.expiring'), width: 88, align: 'right', render: (_, c) => c.vetting.expiring },
      { key: 'expired', title: t('positions.r.expired'), width: 88, align: 'right', render: (_, c) => <Warn n={c.vetting.expired} /> },
      { key: 'notMet', title: t('positions.r.notMet'), width: 88, align: 'right', render: (_, c) => <Warn n={c.vetting.not_met} /> },
      { key: 'none', title: t('positions.r.none'), width: 88, align: 'right', render: (_, c) => <Warn n={c.vetting.none} /> },
      { key: 'noOfficer', title: t('positions.r.withoutOfficer'), width: 88, align: 'right', render: (_, c) => <Warn n={c.unitsWithoutOfficer} /> },
      {
        key: 'open',
        title: '',
        width: 120,
        render: (_, c) => (
          <Button size="small" onClick={() => onOpenRegister(c.unitId)} data-testid={`open-register-${c.code}`}>
            {t('positions.openRegister')}
          </Button>
        ),
      },
    ],
    [t, lang, hasChildren, onDrill, onOpenRegister],
  )

  if (!current) return <Alert type="info" showIcon title={t('positions.pickUnit')} />
  return (
    <div className="bvct-stack bvct-stack-tight">
      <Breadcrumb
        data-testid="readiness-crumbs"
        items={crumbs.map((id, i) => ({
          key: id,
          title: i === crumbs.length - 1 ? (index.byId.get(id)?.name ?? '') : <a onClick={() => onDrill(id)}>{index.byId.get(id)?.name ?? ''}</a>,
        }))}
      />
      {error && <Alert type="error" showIcon title={error.message} />}
      {data && (
        <>
          <Typography.Text type="secondary" data-testid="readiness-as-of">{t('positions.asOf', { date: formatDate(data.asOf) })}</Typography.Text>
          <div className="bvct-pos-totals" data-testid="readiness-totals">
            <Statistic title={t('positions.r.positions')} value={data.positions} />
            <Statistic title={t('positions.r.filled')} value={data.filled} />
            <Statistic title={t('positions.r.share')} value={formatShare(data.vettedShare, lang)} />
            <Statistic title={t('positions.r.expiring')} value={data.vetting.expiring} />
            <Statistic title={t('positions.r.expired')} value={data.vetting.expired} styles={{ content: data.vetting.expired ? { color: '#cf1322' } : undefined }} />
            <Statistic title={t('positions.r.notMet')} value={data.vetting.not_met} styles={{ content: data.vetting.not_met ? { color: '#cf1322' } : undefined }} />
            <Statistic title={t('positions.r.none')} value={data.vetting.none} styles={{ content: data.vetting.none ? { color: '#d46b08' } : undefined }} />
            <Statistic title={t('positions.r.withoutOfficer')} value={data.unitsWithoutOfficer} />
          </div>
          <Button style={{ justifySelf: 'start' }} onClick={() => onOpenRegister(data.unitId)}>{t('positions.openRegister')}</Button>
        </>
      )}
      <Table<Child>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={data?.children ?? []}
        loading={isFetching}
        scroll={{ x: 1044 }}
        pagination={false}
        locale={{ emptyText: t('positions.noChildren') }}
        data-testid="readiness"
      />
    </div>
  )
}

function Warn({ n }: { n: number }) {
  return n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : <>{n}</>
}
