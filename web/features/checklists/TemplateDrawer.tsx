import { Button, Card, Drawer, Skeleton, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { CHECKLIST_LABELS } from '../../../contract/checklists.ts'
import { formatDate } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useAssignments, useTemplate } from './api.ts'
import { roundsOf } from './rounds.ts'
import { AssignmentStatusTag } from './ChecklistTags.tsx'

/** One template: its items, and each round it was assigned in with who has submitted. */
export function TemplateDrawer({ templateId, canAssign, onAssign, onClose }: { templateId: number; canAssign: boolean; onAssign: () => void; onClose: () => void }) {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const template = useTemplate(templateId)
  const assignments = useAssignments({ templateId, limit: 500, offset: 0 })
  const rounds = useMemo(() => roundsOf(assignments.data?.items ?? []), [assignments.data])
  return (
    <Drawer
      open
      onClose={onClose}
      title={template.data?.title ?? t('checklists.viewTemplate')}
      size={isPhone ? '100%' : 720}
      extra={canAssign && <Button type="primary" onClick={onAssign} data-testid="drawer-assign">{t('checklists.assign')}</Button>}
    >
      {template.isPending ? (
        <Skeleton active />
      ) : (
        template.data && (
          <div className="bvct-stack bvct-stack-tight">
            {template.data.description && <Typography.Paragraph className="bvct-prose" style={{ margin: 0 }}>{template.data.description}</Typography.Paragraph>}
            <Card size="small" title={t('checklists.items')}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="template-items">
                {template.data.items.map((i) => (
                  <li key={i.id} style={{ marginBottom: 6 }}>
                    {i.text} <Tag style={{ marginInlineStart: 4 }}>{label(CHECKLIST_LABELS.area[i.area])}</Tag>
                  </li>
                ))}
              </ol>
            </Card>
            <Card size="small" title={t('checklists.roundsOfTemplate')} data-testid="template-rounds">
              {assignments.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
              {!assignments.isPending && rounds.length === 0 && <Typography.Text type="secondary">{t('checklists.noRounds')}</Typography.Text>}
              {rounds.map((r) => (
                <div key={r.key} style={{ marginBottom: 12 }} data-testid="template-round">
                  <Typography.Text strong>{r.title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    · {t('checklists.dueOn', { date: formatDate(r.dueDate) })} · {t('checklists.submittedOf', { done: r.units.filter((u) => u.status === 'submitted').length, total: r.units.length })}
                  </Typography.Text>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {r.units.map((u) => (
                      <li key={u.id}>
                        <Link to={`/checklists/${u.id}`}>{u.unitName}</Link> <AssignmentStatusTag status={u.status} />
                        {u.noCount > 0 && <Tag color="error">{t('checklists.noCount', { n: u.noCount })}</Tag>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </Card>
          </div>
        )
      )}
    </Drawer>
  )
}
