import { Select, type SelectProps } from 'antd'
import type { DefaultOptionType } from 'antd/es/select'
import { useMemo } from 'react'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { useUnitIndex } from '../units/api.ts'
import { useInspectors, type InspectorDto } from './api.ts'

const collator = new Intl.Collator('vi')
const matches = (input: string, option?: DefaultOptionType) => typeof option?.search === 'string' && option.search.includes(foldVietnamese(input.trim()))

/** Active units the user sees, by name in Vietnamese order; typing without diacritics finds them. */
export function UnitsSelect(props: Omit<SelectProps<number[]>, 'options' | 'mode'>) {
  const { items } = useUnitIndex()
  const options = useMemo(
    () =>
      items
        .filter((u) => u.isActive)
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((u) => ({ value: u.id, label: u.name, search: foldVietnamese(`${u.name} ${u.code}`) })),
    [items],
  )
  return <Select<number[]> mode="multiple" showSearch={{ filterOption: matches }} options={options} {...props} />
}

export const inspectorName = (a: Pick<InspectorDto, 'username' | 'fullName'>) => (a.fullName ? `${a.fullName} (${a.username})` : a.username)

/** Accounts holding the inspector role, by name. */
export function InspectorSelect<V extends number | number[]>(props: Omit<SelectProps<V>, 'options'>) {
  const { data, isPending } = useInspectors()
  const options = useMemo(
    () =>
      (data ?? [])
        .slice()
        .sort((a, b) => collator.compare(a.fullName ?? a.username, b.fullName ?? b.username))
        .map((a) => ({ value: a.accountId, label: inspectorName(a), search: foldVietnamese(`${a.fullName ?? ''} ${a.username}`) })),
    [data],
  )
  return <Select<V> loading={isPending} showSearch={{ filterOption: matches }} options={options} {...props} />
}
