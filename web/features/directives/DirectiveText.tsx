import { Descriptions, Tag, Typography } from 'antd'
import type { DirectiveDto } from '../../../contract/directives.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'
import { markedAddressees, signerLine } from './parsed-closing.ts'
import { RequirementTree } from './RequirementTree.tsx'

/** The letter's addressees in order, those under "Đồng kính gửi" tagged so. */
function Addressees({ d }: { d: DirectiveDto }) {
  const t = useT()
  const marked = markedAddressees(d)
  if (!marked.some((a) => a.isCo)) return <>{d.addressees.join('; ')}</>
  return (
    <>
      {marked.map((a, i) => (
        <div key={i} data-testid={a.isCo ? 'co-addressee' : 'addressee'}>
          {a.name} {a.isCo && <Tag color="blue">{t('directives.coAddressee')}</Tag>}
        </div>
      ))}
    </>
  )
}

/** Number, date, issuer, subject, addressees (co-addressees tagged), signer and references, as registered. */
function DirectiveFacts({ d }: { d: DirectiveDto }) {
  const t = useT()
  const text = (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text>
  const signer = signerLine(d.signature, ' — ')
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'number', label: t('directives.number'), children: text(d.number) },
        { key: 'date', label: t('directives.date'), children: text(formatDate(d.date)) },
        { key: 'issuer', label: t('directives.issuer'), children: text([d.parentBody, d.issuer].filter(Boolean).join(' — ') || null) },
        { key: 'place', label: t('directives.place'), children: text(d.place) },
        { key: 'subject', label: t('directives.subject'), children: d.subject, span: 'filled' },
        { key: 'addressees', label: t('directives.addressees'), children: d.addressees.length ? <Addressees d={d} /> : text(null), span: 'filled' },
        ...(signer ? [{ key: 'signer', label: t('directives.signer'), children: <span data-testid="signer">{signer}</span>, span: 'filled' as const }] : []),
        ...(d.issuedAt ? [{ key: 'issuedAt', label: t('directives.issuedAt'), children: formatDateTime(d.issuedAt) }, { key: 'count', label: t('directives.addresseeCount'), children: d.addresseeCount }] : []),
        ...(d.references.length
          ? [{ key: 'refs', label: t('directives.references'), span: 'filled' as const, children: d.references.map((r) => [r.number, formatDate(r.date), r.issuer].filter(Boolean).join(', ')).join('; ') }]
          : []),
      ]}
    />
  )
}

/** The letter as registered, read-only: its facts, preamble, requirements, closing and distribution. */
export function DirectiveText({ d }: { d: DirectiveDto }) {
  const t = useT()
  return (
    <div className="bvct-stack">
      <DirectiveFacts d={d} />
      {d.preamble && <Typography.Paragraph className="bvct-prose">{d.preamble}</Typography.Paragraph>}
      <div>
        <Typography.Title level={5}>{t('directives.requirements')} ({t('directives.requirementCount', { count: d.requirements.length })})</Typography.Title>
        <RequirementTree requirements={d.requirements} />
      </div>
      {d.closing && <Typography.Paragraph className="bvct-prose">{d.closing}</Typography.Paragraph>}
      {d.distribution.length > 0 && (
        <div>
          <Typography.Text strong>{t('directives.distribution')}:</Typography.Text>
          <ul style={{ margin: '4px 0 0' }}>{d.distribution.map((x, i) => <li key={i}>{x}</li>)}</ul>
        </div>
      )}
    </div>
  )
}
