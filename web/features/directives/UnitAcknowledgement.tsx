import { useMemo } from 'react'
import type { DirectiveDto } from '../../../contract/directives.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useUnitIndex } from '../units/api.ts'
import { useAddressees } from './api.ts'
import { MyUnitsCard } from './MyUnitsCard.tsx'

/**
 * For a unit head or officer, wherever they work (their own page, a directive they read there): the
 * acknowledgement of the units they answer for, with the same button as the directive's page. It
 * records the UNIT's receipt, which the board follows; a person's "I have been briefed" does not.
 * Nothing for anyone else.
 */
export function UnitAcknowledgement({ directiveId, status }: { directiveId: number; status: DirectiveDto['status'] }) {
  const t = useT()
  const { data: me } = useMe()
  const index = useUnitIndex()
  const isHolder = hasAnyRole(me, ACCESS.directiveAcknowledge)
  const addressees = useAddressees(directiveId, isHolder)
  const units = useMemo(
    () => (addressees.data ?? []).filter((a) => holdsRoleOver(me, ACCESS.directiveAcknowledge, a.unitId, index.parentOf)),
    [addressees.data, me, index],
  )
  if (!isHolder) return null
  return (
    <MyUnitsCard
      directiveId={directiveId}
      units={units}
      canAcknowledge={status === 'issued'}
      canSeePlans={hasAnyRole(me, ACCESS.plans)}
      canSeeSessions={hasAnyRole(me, ACCESS.sessions)}
      title={t('directives.unitAcknowledgement')}
    />
  )
}
