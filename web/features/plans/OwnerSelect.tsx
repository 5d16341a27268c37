import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useState } from 'react'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { fetchPeople } from '../people/api.ts'

interface Props {
  id?: string
  unitId: number
  value?: number | null
  onChange?: (v: number | null) => void
  /** The current owner's name, shown before any search has found them. */
  currentName?: string | null
  disabled?: boolean
}

/** Picks who leads an action, among the active people of the unit and its sub-units. */
export function OwnerSelect({ id, unitId, value, onChange, currentName, disabled }: Props) {
  const t = useT()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'owner', unitId, q],
    queryFn: () => fetchPeople({ unitId, includeSubunits: true, q, limit: 30, offset: 0 }),
    placeholderData: keepPreviousData,
  })
  const options = (data?.items ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName })
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      disabled={disabled}
      loading={isFetching}
      options={options}
      placeholder={t('plans.pickOwner')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
    />
  )
}
