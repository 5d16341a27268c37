import { Select } from 'antd'
import { ROLE_LABELS, ROLES, type Role } from '../../../contract/roles.ts'
import { useLabel } from '../../i18n/useT.ts'

export function RoleSelect(props: { id?: string; value?: Role; onChange?: (v: Role) => void; style?: React.CSSProperties }) {
  const label = useLabel()
  return <Select<Role> {...props} options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))} popupMatchSelectWidth={false} />
}
