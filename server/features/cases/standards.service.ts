// The one narrow call the rest of BVCT may make into standards reviews: for a person, the class of
// their latest approved conclusion and until when it is valid. Nothing else leaves a case — not
// the case, its number, its notes, nor who asked.
import { REVIEW_OUTCOMES } from '../../../contract/cases.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { blindIndexer } from '../keys/keys.service.ts'

export interface StandardsStanding {
  outcome: (typeof REVIEW_OUTCOMES)[number]
  validUntil: string
}

/** Each person's latest approved conclusion (by approval time), or nothing for a person with none. */
export async function standardsStanding(db: Queryable, keys: Keyring, personIds: number[]): Promise<Map<number, StandardsStanding>> {
  const out = new Map<number, StandardsStanding>()
  if (!personIds.length) return out
  // The blind index's key opened once for every person (not a query each, at once on one transaction's client).
  const index = await blindIndexer(db, keys)
  const refs = personIds.map((id) => ({ id, ref: index('person', id) }))
  const rows = await db.query<{ subject_ref: Uint8Array; outcome: StandardsStanding['outcome']; valid_until: string }>(
    `SELECT DISTINCT ON (subject_ref) subject_ref, outcome, valid_until FROM conf_case
     WHERE kind = 'standards_review' AND approved_at IS NOT NULL AND subject_ref IN (SELECT decode(x, 'hex') FROM unnest($1::text[]) x)
     ORDER BY subject_ref, approved_at DESC`,
    [arrayLiteral(refs.map((r) => r.ref.toString('hex')))],
  )
  for (const r of rows) {
    const person = refs.find((x) => x.ref.equals(Buffer.from(r.subject_ref)))
    if (person) out.set(person.id, { outcome: r.outcome, validUntil: r.valid_until })
  }
  return out
}
