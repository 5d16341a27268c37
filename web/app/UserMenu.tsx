import { Button, Dropdown } from 'antd'
import { useNavigate } from 'react-router'
import type { Me } from '../../contract/auth.ts'
import { LockIcon, LogoutIcon, MailIcon, ShieldIcon, UserIcon } from '../components/icons.tsx'
import { useSignOut } from '../features/auth/api.ts'
import { useT } from '../i18n/useT.ts'

export function UserMenu({ me, isCompact }: { me: Me; isCompact?: boolean }) {
  const t = useT()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const name = me.person?.fullName ?? me.username
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: <span className="bvct-user-who">{name}<br /><small>{me.username}</small></span>, disabled: true },
          { type: 'divider' },
          { key: '/my-notices', icon: <MailIcon />, label: t('nav.myNotices') },
          { key: '/account/password', icon: <LockIcon />, label: t('user.changePassword') },
          { key: '/account/two-factor', icon: <ShieldIcon />, label: t('user.twoFactor') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutIcon />, label: t('user.signOut'), danger: true },
        ],
        onClick: ({ key }) =>
          key === 'signOut'
            ? // The next person to sign in on this browser starts at the home page, not at this user's last page.
              signOut.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })
            : navigate(key),
      }}
    >
      <Button type="text" icon={<UserIcon />} aria-label={t('user.menu')} className="bvct-user-button">
        {!isCompact && <span className="bvct-user-name">{name}</span>}
      </Button>
    </Dropdown>
  )
}
