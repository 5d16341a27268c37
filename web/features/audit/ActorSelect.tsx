import { Select } from 'antd'
import { useMemo, useState } from 'react'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { useAccounts } from '../accounts/api.ts'

export interface Actor {
  id: number
  username: string
}

/**
 * Picks whose actions to show. Only administrators may search accounts (GET /accounts), so for
 * auditors and the board the choices are the people already seen in the log (and clicking a name
 * in the table filters by it).
 */
export function ActorSelect({ value, onChange, seen, canSearchAccounts }: { value?: number; onChange: (id?: number) => void; seen: Actor[]; canSearchAccounts: boolean }) {
  const t = useT()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const accounts = useAccounts(q, { enabled: canSearchAccounts, limit: 20 })
  const options = useMemo(() => {
    const byId = new Map<number, string>()
    for (const a of accounts.data ?? []) byId.set(a.id, a.personName ? `${a.username} — ${a.personName}` : a.username)
    for (const a of seen) if (!byId.has(a.id)) byId.set(a.id, a.username)
    return [...byId].map(([id, label]) => ({ value: id, label }))
  }, [accounts.data, seen])

  return (
    <Select<number>
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      allowClear
      showSearch={canSearchAccounts ? { filterOption: false, onSearch: setSearch } : { optionFilterProp: 'label' }}
      options={options}
      loading={accounts.isFetching}
      placeholder={t('audit.actor')}
      aria-label={t('audit.actor')}
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
    />
  )
}
