import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Input, Switch, Table, Typography } from 'antd'
import { useState } from 'react'
import type { PersonDto } from '../../../contract/people.ts'
import { useDebounced } from '../../components/useDebounced.ts'
import { useT } from '../../i18n/useT.ts'
import { fetchPeople } from '../people/api.ts'

const PAGE = 20

interface Props {
  unitId: number
  value?: number[]
  onChange?: (ids: number[]) => void
}

/**
 * Ticks attendees among the active people of the unit and its sub-units: searched on the server,
 * paged, with the ticks kept across pages and searches. Large units use a roster file instead.
 */
export function AttendeePicker({ unitId, value = [], onChange }: Props) {
  const t = useT()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [page, setPage] = useState(1)
  const [isSelectingAll, setIsSelectingAll] = useState(false)
  // The unit's own people first: only they count towards its coverage; sub-units report their own.
  const [includeSubunits, setIncludeSubunits] = useState(false)
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'attendees', unitId, includeSubunits, q, page],
    queryFn: () => fetchPeople({ unitId, includeSubunits, q, limit: PAGE, offset: (page - 1) * PAGE }),
    placeholderData: keepPreviousData,
  })

  const selectAll = async () => {
    setIsSelectingAll(true)
    try {
      const ids = new Set(value)
      for (let offset = 0; ; offset += 500) {
        const r = await fetchPeople({ unitId, includeSubunits, q, limit: 500, offset })
        r.items.forEach((p) => ids.add(p.id))
        if (offset + 500 >= r.total) break
      }
      onChange?.([...ids])
    } finally {
      setIsSelectingAll(false)
    }
  }

  return (
    <div data-testid="attendee-picker">
      <div className="bvct-toolbar" style={{ marginBottom: 8 }}>
        <Input
          className="bvct-toolbar-grow"
          size="small"
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value)
            setPage(1)
          }}
          placeholder={t('people.searchPlaceholder')}
          aria-label={t('people.searchPlaceholder')}
        />
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch
            size="small"
            checked={includeSubunits}
            onChange={(v) => {
              setIncludeSubunits(v)
              setPage(1)
            }}
          />
          {t('people.includeSubunits')}
        </label>
        <Button size="small" onClick={selectAll} loading={isSelectingAll}>{t(q ? 'dissemination.selectAllFound' : 'dissemination.selectAll')}</Button>
        {value.length > 0 && <Button size="small" onClick={() => onChange?.([])}>{t('dissemination.clearSelection')}</Button>}
        <Typography.Text type="secondary" data-testid="attendee-count">{t('dissemination.selectedCount', { count: value.length })}</Typography.Text>
      </div>
      <Table<PersonDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={[
          { key: 'name', title: t('people.fullName'), dataIndex: 'fullName' },
          { key: 'position', title: t('people.position'), dataIndex: 'position', responsive: ['sm'] },
          ...(includeSubunits ? [{ key: 'unit', title: t('people.unit'), dataIndex: 'unitName', responsive: ['md' as const] }] : []),
        ]}
        rowSelection={{ selectedRowKeys: value, preserveSelectedRowKeys: true, onChange: (keys) => onChange?.(keys as number[]) }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, simple: true, size: 'small' }}
      />
    </div>
  )
}
