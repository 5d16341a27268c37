import { Tag } from 'antd'
import type { RequirementDto } from '../../../contract/directives.ts'
import { formatDate } from '../../components/format.ts'
import { useT } from '../../i18n/useT.ts'

/** The requirements as the letter numbers them, nested, each with its own deadline when the letter gives one. */
export function RequirementTree({ requirements }: { requirements: RequirementDto[] }) {
  const t = useT()
  if (!requirements.length) return null
  return (
    <ol className="bvct-req-view">
      {requirements.map((r) => (
        <li key={r.id}>
          <span className="bvct-req-view-label">{r.label}</span> <span>{r.text}</span>
          {r.deadline && (
            <>
              {' '}
              <Tag color="gold" data-testid="requirement-deadline">{t('directives.reqDeadlineShort', { date: formatDate(r.deadline) })}</Tag>
            </>
          )}
          <RequirementTree requirements={r.children} />
        </li>
      ))}
    </ol>
  )
}
