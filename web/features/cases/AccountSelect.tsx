import { Select } from 'antd'
import { useMemo, useState } from 'react'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { useAccounts } from '../accounts/api.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useCaseGroups } from './api.ts'

export interface KnownAccount {
  id: number
  name: string
}

const NONE: KnownAccount[] = []

/**
 * Accounts this user can name: only an administrator may search all accounts (GET /accounts), so
 * for the board they are the accounts BVCT has already shown them (the named groups' members and
 * those asked for, and `extra`, e.g. a case's list).
 */
export function useKnownAccounts(extra: KnownAccount[] = NONE): KnownAccount[] {
  const { data: me } = useMe()
  const groups = useCaseGroups(hasAnyRole(me, ACCESS.caseGroups))
  return useMemo(() => {
    const byId = new Map<number, string>()
    for (const a of extra) byId.set(a.id, a.name)
    for (const g of groups.data ?? []) {
      for (const m of g.members) byId.set(m.accountId, m.username)
      for (const r of g.pendingRequests) if (!byId.has(r.accountId)) byId.set(r.accountId, r.username)
    }
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
  }, [extra, groups.data])
}

interface Props {
  id?: string
  /** One account id, or several with `isMultiple` (a verification team). Form.Item passes these. */
  value?: number | number[]
  onChange?: (value: number | number[] | undefined) => void
  isMultiple?: boolean
  /** The choices for those who cannot search every account. */
  known: KnownAccount[]
  placeholder?: string
  'data-testid'?: string
}

/** Picks accounts: an administrator searches all of them, others pick among those they know. */
export function AccountSelect({ known, placeholder, isMultiple, ...rest }: Props) {
  const t = useT()
  const { data: me } = useMe()
  const canSearch = hasAnyRole(me, ACCESS.accounts)
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const accounts = useAccounts(q, { enabled: canSearch, limit: 20 })
  const options = useMemo(() => {
    const byId = new Map<number, string>()
    // An administrator's account is never put on a list or in a group: not offered.
    for (const a of accounts.data ?? []) if (!a.roles.some((r) => r.role === 'admin')) byId.set(a.id, a.personName ? `${a.username} — ${a.personName}` : a.username)
    for (const a of known) if (!byId.has(a.id)) byId.set(a.id, a.name)
    return [...byId].map(([value, label]) => ({ value, label }))
  }, [accounts.data, known])
  return (
    <Select<number | number[]>
      {...rest}
      mode={isMultiple ? 'multiple' : undefined}
      allowClear
      showSearch={canSearch ? { filterOption: false, onSearch: setSearch } : { optionFilterProp: 'label' }}
      options={options}
      loading={accounts.isFetching}
      placeholder={placeholder ?? t('cases.account.pick')}
      notFoundContent={canSearch ? t('common.noData') : t('cases.account.knownOnly')}
    />
  )
}
