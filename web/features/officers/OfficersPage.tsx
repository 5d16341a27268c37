import { Button, Card, Tabs } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { GapsTab } from './GapsTab.tsx'
import { RosterTab } from './RosterTab.tsx'

/** The officers who do this work: the roster with training status, and the board's gaps view. Tab and unit live in the URL. */
export default function OfficersPage() {
  const t = useT()
  usePageTitle(t('officers.pageTitle'))
  const isPhone = useIsPhone()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'gaps' ? 'gaps' : 'roster'
  const unitId = Number(params.get('unitId')) || undefined
  const set = (next: { tab?: string; unitId?: number }) => {
    const merged = { tab, unitId: unitId ? String(unitId) : undefined, ...next, ...('unitId' in next ? { unitId: next.unitId ? String(next.unitId) : undefined } : {}) }
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>, { replace: true })
  }
  const unitPicker = (
    <UnitTreeSelect value={unitId} onChange={(v) => set({ unitId: v })} allowClear placeholder={t('officers.allUnits')} style={{ width: isPhone ? '100%' : 300 }} />
  )
  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{t('officers.pageTitle')}</h1>}
      size="small"
      extra={<Link to="/training-courses"><Button size="small">{t('training.nav')}</Button></Link>}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'roster', label: t('officers.tab.roster'), children: <RosterTab unitId={unitId} unitPicker={unitPicker} /> },
          { key: 'gaps', label: t('officers.tab.gaps'), children: <GapsTab unitId={unitId} unitPicker={unitPicker} /> },
        ]}
      />
    </Card>
  )
}
