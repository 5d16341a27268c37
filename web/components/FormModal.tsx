import { Modal, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { useT } from '../i18n/useT.ts'
import { FormBody } from './forms/FormBody.tsx'

export interface FormModalProps<V> {
  title: ReactNode
  okText: ReactNode
  /** A red OK button, for what undoes or refuses something. */
  isDanger?: boolean
  width?: number
  form: FormInstance<V>
  initialValues?: Partial<V>
  onFinish: (values: V) => void
  onClose: () => void
  /** What `useFormSubmit` returns: the error above the fields, and the OK button's spinner. */
  submission: { error: string | null; isSubmitting: boolean }
  /** Shown above the form (a hint, what the form is about). */
  intro?: ReactNode
  children: ReactNode
}

/** A form in a dialog: OK submits it, Cancel closes; the form-level error sits above the fields. */
export function FormModal<V>({ title, okText, isDanger, width, form, initialValues, onFinish, onClose, submission, intro, children }: FormModalProps<V>) {
  const t = useT()
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={isDanger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submission.isSubmitting}
      destroyOnHidden
      width={width}
    >
      {intro}
      <FormBody form={form} initialValues={initialValues} onFinish={onFinish} error={submission.error}>
        {children}
      </FormBody>
    </Modal>
  )
}
