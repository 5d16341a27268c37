import { Badge, Card, Tabs } from 'antd'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { AlertsTab } from './AlertsTab.tsx'
import { usePositionAlerts } from './api.ts'
import { ReadinessTab } from './ReadinessTab.tsx'
import { RegisterTab } from './RegisterTab.tsx'

const TABS = ['register', 'alerts', 'readiness'] as const
type Tab = (typeof TABS)[number]

/**
 * Key and confidential positions: a unit's register, the alerts on holders without a current
 * conclusion, and the readiness roll-up down the tree. Tab, unit and roll-up unit live in the URL,
 * so a drill-down can be linked and the back button works.
 */
export default function PositionsPage() {
  const t = useT()
  usePageTitle(t('positions.pageTitle'))
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'register'
  const unitId = Number(params.get('unitId')) || undefined
  const includeSub = params.get('sub') === '1'
  const rollupUnit = Number(params.get('ru')) || undefined
  // The roll-up starts at the top of the caller's scope (the ministry for the board and the committee).
  const top = useMemo(() => me?.roles.find((g) => ACCESS.positions.includes(g.role))?.unitId, [me])
  const alerts = usePositionAlerts()

  const update = useCallback(
    (next: Record<string, string | undefined>) => {
      const merged = { ...Object.fromEntries(params.entries()), ...next }
      setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>, { replace: next.tab === undefined })
    },
    [params, setParams],
  )
  const onFilter = (next: { unitId?: number; sub?: boolean }) =>
    update({ ...('unitId' in next ? { unitId: next.unitId ? String(next.unitId) : undefined } : {}), ...('sub' in next ? { sub: next.sub ? '1' : undefined } : {}) })

  const alertCount = alerts.data?.items.length ?? 0
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{t('positions.pageTitle')}</h1>} size="small">
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'register', label: t('positions.tab.register'), children: <RegisterTab unitId={unitId} includeSub={includeSub} onFilter={onFilter} /> },
          {
            key: 'alerts',
            label: (
              <span data-testid="alerts-tab">
                {t('positions.tab.alerts')} <Badge count={alertCount} overflowCount={999} size="small" />
              </span>
            ),
            children: <AlertsTab />,
          },
          {
            key: 'readiness',
            label: t('positions.tab.readiness'),
            children: (
              <ReadinessTab
                top={top}
                unitId={rollupUnit}
                onDrill={(id) => update({ tab: 'readiness', ru: String(id) })}
                onOpenRegister={(id) => update({ tab: 'register', unitId: String(id), sub: '1' })}
              />
            ),
          },
        ]}
      />
    </Card>
  )
}
