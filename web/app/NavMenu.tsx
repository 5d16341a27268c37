import { Menu } from 'antd'
import { Link, useLocation, useNavigate } from 'react-router'
import type { Me } from '../../contract/auth.ts'
import { hasAnyRole } from '../features/auth/access.ts'
import { useCaseNavFlags } from '../features/cases/useCaseNavFlags.ts'
import { useT } from '../i18n/useT.ts'
import { NAV_GROUPS, NAV_ITEMS, activeNavItem, type NavItem } from './nav.tsx'

/** The main menu, showing only what the user's roles open. */
export function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const flags = useCaseNavFlags(me)
  const items = NAV_ITEMS.filter((i) => hasAnyRole(me, i.roles) && (i.isShown?.(flags) ?? true))
  const selected = activeNavItem(items, pathname)
  const entry = (i: NavItem) => ({ key: i.path, icon: i.icon, label: <Link to={i.path} tabIndex={-1}>{t(i.label)}</Link> })
  const groups = NAV_GROUPS.map((g) => ({ g, entries: items.filter((i) => i.group === g) })).filter((x) => x.entries.length)
  // Sections with a heading once there are several; a staff member with two entries needs none.
  const menuItems = groups.length > 1
    ? groups.map(({ g, entries }) => ({ type: 'group' as const, key: `group-${g}`, label: t(`nav.group.${g}`), children: entries.map(entry) }))
    : items.map(entry)
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      // Each label is a real link: ctrl-click, middle-click and "open in a new tab" work. A plain
      // click anywhere on the item (not only on its words) goes there in this tab.
      items={menuItems}
      onClick={({ key, domEvent }) => {
        const e = domEvent as React.MouseEvent
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        navigate(key)
        onNavigate?.()
      }}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.main')}
    />
  )
}
