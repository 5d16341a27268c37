import { Button, Drawer, Layout, Spin } from 'antd'
import { Suspense, useState } from 'react'
import { Outlet, useLocation } from 'react-router'
import type { Me } from '../../contract/auth.ts'
import { MenuIcon } from '../components/icons.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useIsPhone } from '../components/useIsPhone.ts'
import { NotificationBell } from '../features/notifications/NotificationBell.tsx'
import { useT } from '../i18n/useT.ts'
import { NavMenu } from './NavMenu.tsx'
import { UserMenu } from './UserMenu.tsx'

function Brand({ isCollapsed }: { isCollapsed?: boolean }) {
  const t = useT()
  return (
    <div className="bvct-brand" title={t('app.fullName')}>
      <span className="bvct-brand-mark">BVCT</span>
      {!isCollapsed && <span className="bvct-brand-sub">{t('app.shortName')}</span>}
    </div>
  )
}

/**
 * The frame around every page: a side menu on wide screens (collapsible), a drawer opened from
 * the header on phones, the language switch and the user menu.
 */
export function AppShell({ me }: { me: Me }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [isCollapsed, setIsCollapsed] = useState(false)
  const [isDrawerOpen, setIsDrawerOpen] = useState(false)
  const { pathname } = useLocation()

  return (
    <Layout className="bvct-shell">
      {!isPhone && (
        <Layout.Sider theme="light" width={240} collapsible collapsed={isCollapsed} onCollapse={setIsCollapsed} breakpoint="lg" className="bvct-sider">
          <Brand isCollapsed={isCollapsed} />
          <NavMenu me={me} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="bvct-header">
          {isPhone && (
            <>
              <Button type="text" icon={<MenuIcon />} aria-label={t('nav.open')} onClick={() => setIsDrawerOpen(true)} data-testid="nav-open" />
              <span className="bvct-brand-mark">BVCT</span>
            </>
          )}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <LanguageSwitch size="small" />
          <UserMenu me={me} isCompact={isPhone} />
        </Layout.Header>
        <Layout.Content className={isPhone ? 'bvct-content bvct-content-phone' : 'bvct-content'}>
          <Suspense fallback={<Spin size="large" className="bvct-page-spin" />}>
            {/* Keyed by path so a failed lazy page does not stick across navigation. */}
            <Outlet key={pathname.split('/')[1]} />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer placement="left" open={isDrawerOpen} onClose={() => setIsDrawerOpen(false)} size={280} title={<Brand />} styles={{ body: { padding: 0 } }}>
          <NavMenu me={me} onNavigate={() => setIsDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  )
}
