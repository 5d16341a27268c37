import { Button, DatePicker, Form, Input, Tooltip, Typography } from 'antd'
import { DATE_FORMAT } from '../../components/format.ts'
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../../components/icons.tsx'
import { useT } from '../../i18n/useT.ts'

/** Deepest level offered: sections, numbered items, lettered sub-items. */
const MAX_DEPTH = 3

/** The label the next item probably takes, following the one before it ("3." → "4.", "b)" → "c)"). */
export function nextLabel(previous: string | undefined, depth: number): string {
  if (!previous) return depth === 0 ? '1.' : depth === 1 ? 'a)' : '-'
  const num = /^(\d+)([.)])$/.exec(previous.trim())
  if (num) return `${Number(num[1]) + 1}${num[2]}`
  const letter = /^([a-zđ])([.)])$/.exec(previous.trim())
  if (letter) {
    const next = letter[1] === 'd' ? 'đ' : letter[1] === 'đ' ? 'e' : String.fromCharCode(letter[1].charCodeAt(0) + 1)
    return `${next}${letter[2]}`
  }
  return previous.trim()
}

interface ListProps {
  /** Relative to the enclosing list, as Form.List expects. */
  name: (string | number)[]
  /** The same list's absolute path in the form, to read its values. */
  path: (string | number)[]
  depth: number
  disabled?: boolean
}

/**
 * The requirements as an editable tree: one nested Form.List per level, so a server message for
 * `requirements.2.children.0.text` lands under that very input.
 */
function RequirementList({ name, path, depth, disabled }: ListProps) {
  const t = useT()
  const form = Form.useFormInstance()
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div className={depth ? 'bvct-req-children' : 'bvct-req-list'}>
          {fields.map((field, index) => (
            <div key={field.key} className="bvct-req-item" data-testid={depth === 0 ? 'requirement' : 'sub-requirement'}>
              <div className="bvct-req-row">
                <Form.Item name={[field.name, 'label']} className="bvct-req-label">
                  <Input aria-label={t('directives.reqLabel')} disabled={disabled} maxLength={20} />
                </Form.Item>
                <Form.Item name={[field.name, 'text']} className="bvct-req-text" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                  <Input.TextArea aria-label={t('directives.reqText')} autoSize={{ minRows: 1, maxRows: 10 }} disabled={disabled} />
                </Form.Item>
                {!disabled && (
                  <div className="bvct-req-tools">
                    <Tooltip title={t('directives.moveUp')}>
                      <Button size="small" type="text" icon={<ArrowUpIcon />} aria-label={t('directives.moveUp')} disabled={index === 0} onClick={() => move(index, index - 1)} />
                    </Tooltip>
                    <Tooltip title={t('directives.moveDown')}>
                      <Button size="small" type="text" icon={<ArrowDownIcon />} aria-label={t('directives.moveDown')} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                    </Tooltip>
                    <Tooltip title={t('directives.removeRequirement')}>
                      <Button size="small" type="text" danger icon={<TrashIcon />} aria-label={t('directives.removeRequirement')} onClick={() => remove(index)} />
                    </Tooltip>
                  </div>
                )}
              </div>
              <div className="bvct-req-deadline" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', marginTop: 4, marginInlineStart: 70 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('directives.reqDeadline')}</Typography.Text>
                <Form.Item name={[field.name, 'deadline']} style={{ marginBottom: 0 }}>
                  <DatePicker size="small" format={DATE_FORMAT} placeholder={t('directives.reqDeadlineNone')} aria-label={t('directives.reqDeadline')} disabled={disabled} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const phrase = form.getFieldValue([...path, field.name, 'deadlinePhrase']) as string | undefined
                    return phrase ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="deadline-phrase">
                        {t('directives.reqDeadlineFrom', { phrase })}
                      </Typography.Text>
                    ) : null
                  }}
                </Form.Item>
              </div>
              {depth + 1 < MAX_DEPTH && <RequirementList name={[field.name, 'children']} path={[...path, field.name, 'children']} depth={depth + 1} disabled={disabled} />}
            </div>
          ))}
          {!disabled && (
            <Button
              size="small"
              type={depth ? 'link' : 'dashed'}
              icon={<PlusIcon />}
              className={depth ? 'bvct-req-add-child' : undefined}
              onClick={() => {
                const siblings = (form.getFieldValue(path) ?? []) as { label?: string }[]
                add({ label: nextLabel(siblings.at(-1)?.label, depth), text: '', children: [] })
              }}
            >
              {t(depth ? 'directives.addSubRequirement' : 'directives.addRequirement')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  )
}

export function RequirementTreeEditor({ disabled }: { disabled?: boolean }) {
  return <RequirementList name={['requirements']} path={['requirements']} depth={0} disabled={disabled} />
}
