import { App, Button, Empty, Modal, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { MATERIAL_KIND_LABELS, type MaterialDto } from '../../../contract/materials.ts'
import { downloadFile } from '../../api/client.ts'
import { formatDate } from '../../components/format.ts'
import { DownloadIcon } from '../../components/icons.tsx'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'

export const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`

/** Opens a material: a file is downloaded, a text is read in a dialog. */
export function OpenMaterial({ m, children }: { m: MaterialDto; children?: ReactNode }) {
  const t = useT()
  const isPhone = useIsPhone()
  const { message } = App.useApp()
  const [isReading, setIsReading] = useState(false)
  const open = () =>
    m.file ? downloadFile(`/materials/${m.id}/file`, undefined, m.file.filename).catch((e) => message.error(e instanceof Error ? e.message : String(e))) : setIsReading(true)
  return (
    <>
      <Button type="link" className="bvct-link-button" icon={m.file ? <DownloadIcon /> : undefined} onClick={open} title={t(m.file ? 'materials.download' : 'materials.read')} data-testid="material-open">
        {children ?? m.title}
      </Button>
      {isReading && (
        <Modal open title={m.title} onCancel={() => setIsReading(false)} footer={<Button onClick={() => setIsReading(false)}>{t('materials.close')}</Button>} width={isPhone ? '100%' : 760}>
          <Typography.Paragraph className="bvct-prose" data-testid="material-text">{m.body}</Typography.Paragraph>
        </Modal>
      )}
    </>
  )
}

/** What a material is, in one line: its kind, a file's name and size, or "typed text". */
export function MaterialMeta({ m }: { m: MaterialDto }) {
  const t = useT()
  return (
    <span className="bvct-material-meta">
      <LabelTag value={m.kind} labels={MATERIAL_KIND_LABELS} />
      <Typography.Text type="secondary">
        {m.file ? `${m.file.filename} · ${fileSize(m.file.size)}` : t('materials.typedText')} · {t('materials.updatedOn', { date: formatDate(m.updatedAt) })}
      </Typography.Text>
    </span>
  )
}

/** A directive's materials, each opened in place; `actions` adds what the board may do to each. */
export function MaterialList({ items, empty, actions }: { items: MaterialDto[]; empty: ReactNode; actions?: (m: MaterialDto) => ReactNode }) {
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
  return (
    <div className="bvct-stack bvct-stack-tight" data-testid="material-list">
      {items.map((m) => (
        <div key={m.id} className="bvct-material" data-testid="material">
          <div style={{ minWidth: 0, flex: '1 1 260px' }}>
            <OpenMaterial m={m} />
            <div><MaterialMeta m={m} /></div>
          </div>
          {actions && <div className="bvct-material-actions">{actions(m)}</div>}
        </div>
      ))}
    </div>
  )
}
