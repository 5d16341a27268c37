import { Alert, Button, Card, Flex, Input, Segmented, Tabs, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import { UploadIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { useParseDirective } from './api.ts'
import { textFromParsed } from './directive-form.ts'

/** What the left-hand pane shows next to the form. */
export type SourceView =
  | { kind: 'text'; text: string; name?: string }
  | { kind: 'pdf'; url: string; name: string; text: string }
  | { kind: 'image'; url: string; name: string; text: string }
  | { kind: 'rendered'; text: string; name: string }
  | { kind: 'none' }

const ACCEPT = '.txt,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg,image/tiff'

/** The longest source text a directive keeps (contract/directives.ts); a longer one is not stored. */
const MAX_SOURCE_TEXT = 500_000

/** Step one of registering: paste the letter or upload it, and have the server read it. */
export function SourceInput({ onParsed, onManual }: { onParsed: (p: ParsedDirective, source: SourceView, sourceText: string | null) => void; onManual: () => void }) {
  const t = useT()
  const [tab, setTab] = useState<'paste' | 'upload'>('paste')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const parse = useParseDirective()

  const run = async () => {
    if (tab === 'paste') {
      if (!text.trim()) return
      const p = await parse.mutateAsync({ text }).catch(() => null)
      if (p) onParsed(p, { kind: 'text', text }, text)
      return
    }
    if (!file) return
    const p = await parse.mutateAsync({ file }).catch(() => null)
    if (!p) return
    const name = file.name.toLowerCase()
    // What the parser read (for a scan, what OCR read) is stored with the directive and counted
    // against what the person confirms.
    const read = p.source?.text && p.source.text.length <= MAX_SOURCE_TEXT ? p.source.text : null
    if (name.endsWith('.txt')) {
      const raw = read ?? (await file.text())
      onParsed(p, { kind: 'text', text: raw, name: file.name }, raw)
    } else if (name.endsWith('.pdf')) onParsed(p, { kind: 'pdf', url: URL.createObjectURL(file), name: file.name, text: read ?? textFromParsed(p) }, read)
    else if (file.type.startsWith('image/') || /\.(png|jpe?g|tiff?)$/.test(name)) onParsed(p, { kind: 'image', url: URL.createObjectURL(file), name: file.name, text: read ?? textFromParsed(p) }, read)
    else onParsed(p, { kind: 'rendered', text: textFromParsed(p), name: file.name }, read)
  }

  const canRun = tab === 'paste' ? !!text.trim() : !!file
  return (
    <Card title={t('directives.registerTitle')} size="small" className="bvct-narrow-card" style={{ maxWidth: 900 }}>
      <Typography.Paragraph type="secondary">{t('directives.registerIntro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'paste' | 'upload')}
        items={[
          {
            key: 'paste',
            label: t('directives.pasteTab'),
            children: (
              <Input.TextArea
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={14}
                placeholder={t('directives.pastePlaceholder')}
                aria-label={t('directives.pasteTab')}
                data-testid="paste-text"
              />
            ),
          },
          {
            key: 'upload',
            label: t('directives.uploadTab'),
            children: (
              <Upload.Dragger
                accept={ACCEPT}
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f)
                  return false
                }}
                onRemove={() => setFile(null)}
                fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              >
                <p style={{ fontSize: 28, margin: 0 }}><UploadIcon /></p>
                <p>{t('directives.uploadHint')}</p>
                <Typography.Text type="secondary">{t('directives.uploadTypes')}</Typography.Text>
              </Upload.Dragger>
            ),
          },
        ]}
      />
      {parse.error && <Alert type="error" showIcon title={parse.error.message} style={{ marginTop: 12 }} role="alert" />}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={run} loading={parse.isPending} disabled={!canRun}>
          {t('directives.parse')}
        </Button>
        <Button onClick={onManual}>{t('directives.typeManually')}</Button>
      </Flex>
    </Card>
  )
}

/**
 * A PDF as the browser draws it, or what was read from it: phone browsers often show only a PDF's
 * first page in a frame, so they start with the text.
 */
function PdfSource({ source }: { source: Extract<SourceView, { kind: 'pdf' | 'image' }> }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [view, setView] = useState<'pdf' | 'text'>(isPhone && source.kind === 'pdf' ? 'text' : 'pdf')
  return (
    <>
      <div style={{ padding: 8 }}>
        <Segmented<'pdf' | 'text'>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'pdf', label: source.kind === 'image' ? t('directives.imageView') : t('directives.pdfView') },
            { value: 'text', label: t('directives.textView') },
          ]}
        />
      </div>
      {view === 'pdf' && source.kind === 'image' ? (
        <img src={source.url} alt={source.name} className="bvct-source-image" />
      ) : view === 'pdf' ? (
        <iframe src={source.url} title={source.name} className="bvct-source-pdf" />
      ) : (
        <pre className="bvct-source-text" data-testid="source-text">{source.text}</pre>
      )}
    </>
  )
}

/** The letter as received, beside the form; scrolls on its own so both stay in view. */
export function SourcePane({ source }: { source: SourceView }) {
  const t = useT()
  if (source.kind === 'none') return <Typography.Text type="secondary" style={{ display: 'block', padding: 12 }}>{t('directives.noSource')}</Typography.Text>
  if (source.kind === 'pdf' || source.kind === 'image') return <PdfSource source={source} />
  return (
    <>
      {source.kind === 'rendered' && <Alert type="info" showIcon title={t('directives.renderedSource', { name: source.name })} style={{ marginBottom: 8 }} />}
      <pre className="bvct-source-text" data-testid="source-text">{source.text.replace(/^\s*\n/, '')}</pre>
    </>
  )
}
