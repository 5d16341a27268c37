import { Select } from 'antd'
import { useMemo, useState } from 'react'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { usePersonSearch } from '../people/api.ts'

export interface KnownPerson {
  id: number
  label: string
}

interface Props {
  id?: string
  value?: number | null
  onChange?: (value: number | null) => void
  /** People already on the channel, so a saved choice shows its name before any search. */
  known: KnownPerson[]
  placeholder?: string
  'aria-label'?: string
}

/** Finds a member of staff by name on the server (diacritics optional); names already on the channel are known. */
export function StaffSelect({ value, onChange, known, placeholder, ...rest }: Props) {
  const t = useT()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const { data, isFetching } = usePersonSearch(q)
  const options = useMemo(() => {
    const found = (data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }))
    const ids = new Set(found.map((o) => o.value))
    return [...found, ...known.filter((k) => !ids.has(k.id)).map((k) => ({ value: k.id, label: k.label }))]
  }, [data, known])
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
