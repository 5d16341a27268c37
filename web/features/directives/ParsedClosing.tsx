import { Descriptions, Tag } from 'antd'
import type { ParsedDirective } from '../../../contract/directive-parse.ts'
import { useT } from '../../i18n/useT.ts'
import { markedAddressees, signerLine } from './parsed-closing.ts'

/**
 * Above the parsed fields: the addressees as the letter groups them, co-addressees marked
 * "Đồng kính gửi", and the signer, as the parser read them, so the person confirming sees them
 * at a glance before checking the form's fields for them. Renders nothing when the letter has
 * neither co-addressees nor a signature.
 */
export function ParsedClosing({ parsed }: { parsed: Pick<ParsedDirective, 'addressees' | 'coAddressees' | 'signature'> }) {
  const t = useT()
  const addressees = markedAddressees(parsed)
  const signer = signerLine(parsed.signature)
  const hasCo = addressees.some((a) => a.isCo)
  if (!hasCo && !signer) return null
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="parsed-closing">
      {hasCo && (
        <Descriptions.Item label={t('directives.addressees')}>
          {addressees.map((a) => (
            <div key={a.name} data-testid={a.isCo ? 'co-addressee' : 'addressee'}>
              {a.name} {a.isCo && <Tag color="blue">{t('directives.coAddressee')}</Tag>}
            </div>
          ))}
        </Descriptions.Item>
      )}
      {signer && (
        <Descriptions.Item label={t('directives.signer')}>
          <span data-testid="signer">{signer}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  )
}
