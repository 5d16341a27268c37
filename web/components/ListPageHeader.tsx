import { Alert, Button, Input } from 'antd'
import type { ReactNode } from 'react'
import { PlusIcon } from './icons.tsx'
import { useIsPhone } from './useIsPhone.ts'

export interface ListSearch {
  value: string
  onChange: (value: string) => void
  /** Shown in the empty box and used as its accessible name. */
  placeholder: string
  /** Width cap on a wide screen, in px; on a phone the box takes the whole row. */
  maxWidth?: number
}

interface Props {
  /** A filter that comes before the search box (say, the unit the list is scoped to). */
  leading?: ReactNode
  search?: ListSearch
  /** The list's filters, after the search box. */
  children?: ReactNode
  /** The primary "new …" button at the right end; left out when the user may not create. */
  create?: { label: ReactNode; onClick: () => void } | false
  /** A failed load of the list, shown under the toolbar. */
  error?: { message: string } | null
}

/** The toolbar above a list: search box, filters, create button, then the load error if any. */
export function ListPageHeader({ leading, search, children, create, error }: Props) {
  const isPhone = useIsPhone()
  return (
    <>
      <div className="bvct-toolbar">
        {leading}
        {search && (
          <Input
            className="bvct-toolbar-grow"
            allowClear
            value={search.value}
            onChange={(e) => search.onChange(e.target.value)}
            placeholder={search.placeholder}
            aria-label={search.placeholder}
            style={{ maxWidth: isPhone ? undefined : search.maxWidth }}
          />
        )}
        {children}
        {create && (
          <Button type="primary" icon={<PlusIcon />} onClick={create.onClick} style={{ marginInlineStart: 'auto' }}>
            {create.label}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
    </>
  )
}
