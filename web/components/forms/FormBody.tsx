import { Form, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { FormAlert } from './FormAlert.tsx'

export interface FormBodyProps<V> {
  form: FormInstance<V>
  initialValues?: Partial<V>
  onFinish: (values: V) => void
  /** The form-level error from `useFormSubmit`, shown above the fields. */
  error: string | null
  children: ReactNode
}

/** The vertical form inside a form drawer or dialog, with the form-level error above its fields. */
export function FormBody<V>({ form, initialValues, onFinish, error, children }: FormBodyProps<V>) {
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
      <FormAlert error={error} />
      {children}
    </Form>
  )
}
