import { Button, Drawer, Flex, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'
import { useIsPhone } from './useIsPhone.ts'
import { FormBody } from './forms/FormBody.tsx'

export interface FormDrawerProps<V> {
  title: ReactNode
  /** Width on a wide screen, in px; a phone gets the whole screen. */
  width: number
  form: FormInstance<V>
  initialValues?: Partial<V>
  onFinish: (values: V) => void
  onClose: () => void
  /** What `useFormSubmit` returns: the error above the fields, and the submit button's spinner. */
  submission: { error: string | null; isSubmitting: boolean }
  submitLabel: ReactNode
  submitTestId?: string
  /** Shown above the form (context, warnings). */
  intro?: ReactNode
  children: ReactNode
}

/**
 * A form in a side drawer, laid out as every BVCT form drawer is: Cancel and the submit button in
 * the footer, the form-level error (from `useFormSubmit`) above the fields.
 */
export function FormDrawer<V>({ title, width, form, initialValues, onFinish, onClose, submission, submitLabel, submitTestId, intro, children }: FormDrawerProps<V>) {
  const t = useT()
  const isPhone = useIsPhone()
  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={isPhone ? '100%' : width}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submission.isSubmitting} onClick={() => form.submit()} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Flex>
      }
    >
      {intro}
      <FormBody form={form} initialValues={initialValues} onFinish={onFinish} error={submission.error}>
        {children}
      </FormBody>
    </Drawer>
  )
}
