import { Button, Card, Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useSignOut } from '../features/auth/api.ts'
import { useT } from '../i18n/useT.ts'

/** A single task the user must finish before the app opens (two-factor setup, a new password). */
export function GateLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT()
  const signOut = useSignOut()
  return (
    <div className="bvct-signin">
      <Card className="bvct-gate-card">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
          <Flex gap={8} align="center">
            <LanguageSwitch size="small" />
            <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>{t('user.signOut')}</Button>
          </Flex>
        </Flex>
        <div style={{ marginTop: 16 }}>{children}</div>
      </Card>
    </div>
  )
}
