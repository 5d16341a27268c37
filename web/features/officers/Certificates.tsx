import { App, Button, Flex } from 'antd'
import type { CertificateDto } from '../../../contract/officers.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { downloadCertificate } from './api.ts'

/** Certificate files as download buttons (a refused download shows its message). */
export function Certificates({ items }: { items: CertificateDto[] }) {
  const { message } = App.useApp()
  if (!items.length) return null
  return (
    <Flex vertical gap={2} align="start">
      {items.map((c) => (
        <Button
          key={c.id}
          type="link"
          size="small"
          icon={<DownloadIcon />}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => downloadCertificate(c).catch((e: Error) => message.error(e.message))}
          data-testid="certificate"
        >
          {c.filename}
        </Button>
      ))}
    </Flex>
  )
}
