import { Tag, type TagProps } from 'antd'
import { useLabel } from '../i18n/useT.ts'

/** A `{vi, en}` label, as the contract's `*_LABELS` tables hold them. */
export type Label = { vi: string; en: string }

type LabelTagProps<K extends string> = {
  value: K
  labels: Record<K, Label>
  /** antd colour per value; a value without one gets the plain tag. */
  colors?: Partial<Record<K, string>>
} & Omit<TagProps, 'color' | 'children'>

/**
 * One value of a contract label table as a tag, in the current language (the raw value if the
 * table lacks it). Other Tag props (`data-status`, `variant`, …) pass through.
 */
export function LabelTag<K extends string>({ value, labels, colors, style, ...rest }: LabelTagProps<K>) {
  const label = useLabel()
  return (
    <Tag color={colors?.[value]} style={{ marginInlineEnd: 0, ...style }} {...rest}>
      {label(labels[value], value)}
    </Tag>
  )
}

/** `{ value, label }` options for a <Select>, in the order of `values`, in the current language. */
export function useLabelOptions<K extends string>(values: readonly K[], labels: Record<K, Label>) {
  const label = useLabel()
  return values.map((v) => ({ value: v, label: label(labels[v]) }))
}
