import { App, Button, Card, Typography } from 'antd'
import { Link } from 'react-router'
import type { AddresseeDto } from '../../../contract/directives.ts'
import { formatDate } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import { useAcknowledge } from './api.ts'
import { AckStatus } from './AddresseesTable.tsx'

interface Props {
  directiveId: number
  units: AddresseeDto[]
  canAcknowledge: boolean
  canSeePlans: boolean
  canSeeSessions: boolean
  /** The card's title; "Your units" by default. */
  title?: string
}

/**
 * For a unit head or officer: the addressee units they answer for, each with "Xác nhận tiếp nhận"
 * and the way to its plan and dissemination sessions.
 */
export function MyUnitsCard({ directiveId, units, canAcknowledge, canSeePlans, canSeeSessions, title }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const ack = useAcknowledge()
  if (!units.length) return null
  const acknowledge = async (a: AddresseeDto) => {
    try {
      await ack.mutateAsync({ id: directiveId, unitId: a.unitId })
      message.success(t('directives.acknowledged', { unit: a.unitName }))
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <Card size="small" title={title ?? t('directives.myUnits')} data-testid="my-units">
      <div className="bvct-stack bvct-stack-tight">
        {units.map((a) => (
          <div key={a.unitId} className="bvct-my-unit" data-testid={`my-unit-${a.unitCode}`}>
            <div style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Typography.Text strong>{a.unitName}</Typography.Text>
              <div><AckStatus a={a} /></div>
              <Typography.Text type="secondary">
                {t('directives.ackDue')}: {formatDate(a.ackDueDate)} · {t('directives.planDue')}: {formatDate(a.planDueDate)}
              </Typography.Text>
            </div>
            <div className="bvct-my-unit-actions">
              {canAcknowledge && !a.acknowledgedAt && (
                <Button type="primary" loading={ack.isPending && ack.variables?.unitId === a.unitId} onClick={() => acknowledge(a)}>
                  {t('directives.acknowledge')}
                </Button>
              )}
              {canSeeSessions && <Link to={`/directives/${directiveId}/units/${a.unitId}/dissemination`}><Button>{t('directives.dissemination')}</Button></Link>}
              {canSeePlans && <Link to={`/directives/${directiveId}/units/${a.unitId}/plan`}><Button>{t('directives.plan')}</Button></Link>}
            </div>
          </div>
        ))}
      </div>
    </Card>
  )
}
