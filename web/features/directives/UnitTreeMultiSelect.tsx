import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { useT } from '../../i18n/useT.ts'
import { useUnitIndex } from '../units/api.ts'
import { buildUnitTree, withoutInactive, type UnitNode } from '../units/tree.ts'

interface Option {
  value: number
  title: string
  searchText: string
  children: Option[]
}

const toOptions = (nodes: UnitNode[]): Option[] =>
  nodes.map((n) => ({ value: n.unit.id, title: n.unit.name, searchText: foldVietnamese(`${n.unit.name} ${n.unit.code}`), children: toOptions(n.children) }))

/**
 * Picks any number of active units from the caller's tree. Checking a unit does not check the
 * units below it: a directive goes to exactly the units picked.
 */
export function UnitTreeMultiSelect({ value, onChange, id, disabled }: { value?: number[]; onChange?: (v: number[]) => void; id?: string; disabled?: boolean }) {
  const t = useT()
  const { items, isPending } = useUnitIndex()
  const options = useMemo(() => toOptions(withoutInactive(buildUnitTree(items))), [items])
  return (
    <TreeSelect<number[]>
      id={id}
      multiple
      treeCheckable
      treeCheckStrictly
      showCheckedStrategy={TreeSelect.SHOW_ALL}
      disabled={disabled}
      value={(value ?? []).map((v) => ({ value: v, label: items.find((u) => u.id === v)?.name ?? String(v) })) as unknown as number[]}
      onChange={(v) => onChange?.((v as unknown as { value: number }[]).map((x) => x.value))}
      loading={isPending}
      treeData={options}
      showSearch={{ filterTreeNode: (input, node) => (node as unknown as Option).searchText.includes(foldVietnamese(input.trim())) }}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      placeholder={t('directives.pickUnits')}
      maxTagCount="responsive"
      listHeight={320}
      style={{ width: '100%' }}
    />
  )
}
