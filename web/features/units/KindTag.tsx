import { Tag } from 'antd'
import { UNIT_KIND_LABELS, type UnitKind } from '../../../contract/units.ts'
import { useLabel } from '../../i18n/useT.ts'

const KIND_COLORS: Record<UnitKind, string> = {
  ministry: 'red',
  committee: 'volcano',
  board: 'orange',
  department: 'blue',
  hospital: 'green',
  institute: 'purple',
  university: 'geekblue',
  company: 'gold',
  center: 'cyan',
  subunit: 'default',
}

export function KindTag({ kind }: { kind: UnitKind }) {
  const label = useLabel()
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {label(UNIT_KIND_LABELS[kind], kind)}
    </Tag>
  )
}

/** Options for a kind <Select>, in the contract's order. */
export function useKindOptions() {
  const label = useLabel()
  return (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))
}
