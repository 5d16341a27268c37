import type { Queryable } from '../../db/types.ts'

/** The active heads and officers of the units, with their e-mail: who is told about a unit's work. */
export async function unitOfficers(db: Queryable, unitIds: number[]) {
  if (!unitIds.length) return []
  return db.query<{ account_id: number; unit_id: number; email: string | null }>(
    `SELECT DISTINCT g.account_id, g.unit_id, pe.email FROM role_grant g JOIN account a ON a.id = g.account_id AND a.is_active LEFT JOIN person pe ON pe.id = a.person_id
     WHERE g.unit_id = ANY($1::int[]) AND g.role IN ('unitHead', 'unitOfficer') ORDER BY g.account_id`,
    [unitIds],
  )
}
