import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { useT } from '../../i18n/useT.ts'
import { useUnitIndex } from './api.ts'
import { buildUnitTree, withoutInactive, type UnitNode } from './tree.ts'

interface Option {
  value: number
  title: string
  searchText: string
  children: Option[]
}

const toOptions = (nodes: UnitNode[], exclude?: Set<number>): Option[] =>
  nodes
    .filter((n) => !exclude?.has(n.unit.id))
    .map((n) => ({
      value: n.unit.id,
      title: n.unit.name,
      searchText: foldVietnamese(`${n.unit.name} ${n.unit.code}`),
      children: toOptions(n.children, exclude),
    }))

export interface UnitTreeSelectProps {
  id?: string
  value?: number | null
  onChange?: (value: number | undefined) => void
  /** Units left out with everything below them, e.g. a unit's own subtree when moving it. */
  exclude?: Set<number>
  includeInactive?: boolean
  allowClear?: boolean
  placeholder?: string
  style?: React.CSSProperties
  disabled?: boolean
}

/** Picks one unit from the caller's tree, with search that ignores diacritics. */
export function UnitTreeSelect({ exclude, includeInactive, placeholder, value, onChange, ...rest }: UnitTreeSelectProps) {
  const t = useT()
  const { items, isPending } = useUnitIndex()
  const options = useMemo(() => {
    const roots = buildUnitTree(items)
    return toOptions(includeInactive ? roots : withoutInactive(roots), exclude)
  }, [items, includeInactive, exclude])

  return (
    <TreeSelect<number>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={isPending}
      treeData={options}
      showSearch={{ filterTreeNode: (input, node) => (node as unknown as Option).searchText.includes(foldVietnamese(input.trim())) }}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      placeholder={placeholder ?? t('units.pick')}
      listHeight={320}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(520px, 95vw)' } } }}
    />
  )
}
