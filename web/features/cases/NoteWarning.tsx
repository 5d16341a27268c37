import { Alert } from 'antd'
import { useT } from '../../i18n/useT.ts'

/**
 * Above every case note: what the notes are for, and what never goes in them (DOMAIN.md, "What
 * the system will not do": no opinions, religion, ethnicity, health or relatives' history).
 */
export function NoteWarning() {
  const t = useT()
  return <Alert type="warning" showIcon title={t('cases.noteWarning')} style={{ marginBottom: 8 }} data-testid="note-warning" />
}
