import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd'
import enUS from 'antd/locale/en_US'
import viVN from 'antd/locale/vi_VN'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import { useEffect } from 'react'
import { BrowserRouter } from 'react-router'
import { createQueryClient } from '../api/query-client.ts'
import { useLang } from '../i18n/useT.ts'
import { AuthGate } from './AuthGate.tsx'

const queryClient = createQueryClient()

const THEME: ThemeConfig = {
  token: { colorPrimary: '#b71c1c', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif" },
  components: { Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f5f6f8' } },
}

export function App() {
  const lang = useLang()
  // Date pickers read dayjs's global locale, so it has to be right before they render.
  dayjs.locale(lang === 'en' ? 'en' : 'vi')
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={THEME}>
        <AntApp>
          <BrowserRouter>
            <AuthGate />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
