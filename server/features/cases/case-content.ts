// Where each sealed value of a case lives, as the additional data its seal is bound to: a value
// copied into another record or column does not open there.
import type { Queryable } from '../../db/types.ts'
import { open, openJson, openText, seal, sealJson, sealText } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { openDataKey, unwrapDataKey } from '../keys/keys.service.ts'

export const AAD = {
  subject: (caseId: number) => `case:${caseId}:subject`,
  notes: (caseId: number) => `case:${caseId}:notes`,
  step: (stepId: number) => `case-step:${stepId}`,
  request: (id: number) => `case-request:${id}:request`,
  reply: (id: number) => `case-request:${id}:reply`,
  file: (id: number) => `case-file:${id}`,
  notice: (id: number) => `case-notice:${id}`,
  submission: (id: number) => `case-submission:${id}`,
  breakGlass: (id: number) => `case-break-glass:${id}`,
}

export interface Subject {
  name: string
  personId: number | null
}

/** A case's key, with seal and open bound to it. */
export async function caseKey(db: Queryable, keys: Keyring, dataKeyId: number) {
  return boundKey(await openDataKey(db, keys, dataKeyId))
}

/** A case's key from its data key row, read with the case. */
export const caseKeyOf = (keys: Keyring, row: { kid: string; wrapped: Uint8Array }) => boundKey(unwrapDataKey(keys, row))

function boundKey(key: Buffer) {
  return {
    seal: (bytes: Buffer, aad: string) => seal(key, bytes, aad),
    open: (sealed: Uint8Array, aad: string) => open(key, sealed, aad),
    sealText: (text: string, aad: string) => sealText(key, text, aad),
    openText: (sealed: Uint8Array | null, aad: string) => (sealed ? openText(key, sealed, aad) : ''),
    sealJson: (value: unknown, aad: string) => sealJson(key, value, aad),
    openJson: <T>(sealed: Uint8Array, aad: string) => openJson<T>(key, sealed, aad),
  }
}
export type CaseKey = ReturnType<typeof boundKey>
