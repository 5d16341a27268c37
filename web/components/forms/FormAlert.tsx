import { Alert } from 'antd'

/** The form-level error above the fields; nothing when there is none. */
export function FormAlert({ error, type = 'error' }: { error: string | null | undefined; type?: 'error' | 'warning' | 'info' }) {
  if (!error) return null
  return <Alert type={type} showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
}
