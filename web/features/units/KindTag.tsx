import { UNIT_KIND_LABELS, type UnitKind } from '../../../contract/units.ts'
import { LabelTag, useLabelOptions } from '../../components/LabelTag.tsx'

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

export const KindTag = ({ kind }: { kind: UnitKind }) => <LabelTag value={kind} labels={UNIT_KIND_LABELS} colors={KIND_COLORS} />

/** Options for a kind <Select>, in the contract's order. */
export const useKindOptions = () => useLabelOptions(Object.keys(UNIT_KIND_LABELS) as UnitKind[], UNIT_KIND_LABELS)
