import { Select } from 'antd'
import { useState } from 'react'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { usePersonSearch } from './api.ts'

export interface PersonSelectProps {
  id?: string
  value?: number | null
  onChange?: (value: number | null) => void
  placeholder?: string
}

/** Finds a person by name on the server (diacritics optional) and picks one. */
export function PersonSelect({ value, onChange, placeholder, ...rest }: PersonSelectProps) {
  const t = useT()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const { data, isFetching } = usePersonSearch(q)
  const options = (data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }))
  return (
    <Select<number>
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={isFetching}
      options={options}
      placeholder={placeholder ?? t('people.pick')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
    />
  )
}
