import { Card, Tag, Typography } from 'antd'
import type { ReportCheck } from '../../../contract/reports.ts'
import { useLang, useT } from '../../i18n/useT.ts'

export const sectionAnchor = (requirementId: number) => `report-section-${requirementId}`

export function scrollToSection(requirementId: number) {
  const el = document.getElementById(sectionAnchor(requirementId))
  if (!el) return
  el.scrollIntoView({ behavior: 'smooth', block: 'start' })
  el.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true })
}

/**
 * BVCT's data-quality checks on the report: errors (a requirement with nothing written) block
 * submitting; warnings (figures that disagree, work without evidence) go up with the report.
 */
export function ChecksCard({ checks, labelOf, title }: {
  checks: ReportCheck[]
  labelOf: (requirementId: number) => string | undefined
  /** Given for checks frozen with a submission (no "fix before submitting" hint then). */
  title?: string
}) {
  const t = useT()
  const lang = useLang()
  const errors = checks.filter((c) => c.severity === 'error')
  const warnings = checks.filter((c) => c.severity === 'warning')
  return (
    <Card
      size="small"
      id="report-checks"
      title={title ?? t('reports.checks.title')}
      extra={
        <span className="bvct-rep-tags">
          {errors.length > 0 && <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('reports.checks.errors', { count: errors.length })}</Tag>}
          {warnings.length > 0 && <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('reports.checks.warnings', { count: warnings.length })}</Tag>}
        </span>
      }
      data-testid="checks-card"
    >
      {checks.length === 0 ? (
        <Typography.Text type="success">{t('reports.checks.none')}</Typography.Text>
      ) : (
        <ul className="bvct-rep-checks">
          {[...errors, ...warnings].map((c, i) => (
            <li key={`${c.code}-${c.requirementId ?? c.directiveId ?? ''}-${i}`} className={c.severity === 'error' ? 'bvct-rep-check-error' : 'bvct-rep-check-warning'} data-code={c.code}>
              <Tag color={c.severity === 'error' ? 'error' : 'warning'} style={{ marginInlineEnd: 6 }}>
                {t(c.severity === 'error' ? 'reports.checks.error' : 'reports.checks.warning')}
              </Tag>
              <span>{lang === 'en' ? c.messageEn : c.message}</span>
              {c.requirementId && labelOf(c.requirementId) !== undefined && (
                <Typography.Link onClick={() => scrollToSection(c.requirementId!)} style={{ marginInlineStart: 6, whiteSpace: 'nowrap' }}>
                  {t('reports.checks.goTo', { label: labelOf(c.requirementId) ?? '' })}
                </Typography.Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {!title && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{t('reports.checks.hint')}</Typography.Paragraph>}
    </Card>
  )
}
