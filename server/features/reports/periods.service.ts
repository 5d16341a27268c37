import type { ReportPeriod } from '../../../contract/reports.ts'
import type { Db, Queryable } from '../../db/types.ts'
import { arrayLiteral } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { managedDirectiveOrNull } from '../directives/directives.access.ts'
import { unitForField } from '../units/units.access.ts'
import { findPeriod, type PeriodRow } from './periods.queries.ts'
import { managedPeriod } from './reports.access.ts'
import { PERIOD_MANAGE_ROLES } from './reports.policy.ts'

/** A period as the API shows it (who owns it is the server's business: its unit id is enough). */
export const toPeriodDto = ({ ownerPath: _o, ...rest }: PeriodRow): ReportPeriod => rest

const savedPeriod = async (tx: Queryable, id: number) => toPeriodDto((await findPeriod(tx, id))!)

export interface PeriodInput {
  title: string
  kind: ReportPeriod['kind']
  scopeUnitId: number
  periodFrom?: string | null
  periodTo?: string | null
  deadline: string
  directiveIds: number[]
  remindBefore: number[]
  remindAfter: number[]
}

/**
 * Opens a period for a subtree. The units that owe a report are fixed now: the addressees of the
 * covered directives in the subtree, or, with no directive, every reporting unit in it.
 */
export async function openPeriod(db: Db, user: CurrentUser, actor: Actor, input: PeriodInput, idempotencyKey?: string): Promise<Answer<ReportPeriod>> {
  return db.transaction((tx) => once(tx, actor.id, idempotencyKey, 201, async () => {
    const scope = await unitForField(tx, user, PERIOD_MANAGE_ROLES, input.scopeUnitId, 'scopeUnitId')
    for (const [i, id] of input.directiveIds.entries()) {
      const d = await managedDirectiveOrNull(tx, user, id)
      if (!d || d.status === 'draft') throw invalid({ [`directiveIds.${i}`]: 'notFound' })
    }
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) throw invalid({ periodTo: 'format' })
    const owner = user.grants.find((g) => PERIOD_MANAGE_ROLES.includes(g.role) && (scope.path === g.path || scope.path.startsWith(g.path + '.')))!
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO report_period (owner_unit_id, scope_unit_id, title, kind, period_from, period_to, deadline, remind_before, remind_after, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [owner.unitId, scope.id, input.title, input.kind, input.periodFrom ?? null, input.periodTo ?? null, input.deadline, arrayLiteral(input.remindBefore), arrayLiteral(input.remindAfter), actor.id],
    )
    if (input.directiveIds.length) {
      await tx.query('INSERT INTO report_period_directive (period_id, directive_id) SELECT $1, unnest($2::int[])', [id, arrayLiteral(input.directiveIds)])
      await tx.query(
        `INSERT INTO report_period_unit (period_id, unit_id)
         SELECT DISTINCT $1::int, a.unit_id FROM directive_addressee a JOIN unit u ON u.id = a.unit_id
         WHERE a.directive_id = ANY($2::int[]) AND u.path <@ $3::ltree AND u.is_active`,
        [id, arrayLiteral(input.directiveIds), scope.path],
      )
    } else {
      await tx.query(
        `INSERT INTO report_period_unit (period_id, unit_id) SELECT $1, u.id FROM unit u
         WHERE u.path <@ $2::ltree AND u.is_active AND u.kind NOT IN ('ministry', 'committee', 'board')`,
        [id, scope.path],
      )
    }
    const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM report_period_unit WHERE period_id = $1', [id])
    if (!n) throw invalid({ scopeUnitId: 'notAddressee' })
    await recordAudit(tx, actor, { action: 'open', entity: 'reportPeriod', entityId: id, unitId: scope.id, after: { ...input, units: n } })
    return savedPeriod(tx, id)
  }))
}

export async function closePeriod(db: Db, user: CurrentUser, actor: Actor, id: number, version: number): Promise<ReportPeriod> {
  return db.transaction(async (tx) => {
    const p = await managedPeriod(tx, user, id)
    if (p.version !== version) throw new AppError('CONFLICT', undefined, { current: toPeriodDto(p) })
    if (p.status !== 'open') throw new AppError('INVALID_STATE')
    await tx.query(`UPDATE report_period SET status = 'closed', version = version + 1, updated_at = $2 WHERE id = $1`, [id, actor.now])
    await recordAudit(tx, actor, { action: 'close', entity: 'reportPeriod', entityId: id, unitId: p.scopeUnitId, before: { status: 'open' }, after: { status: 'closed' } })
    return savedPeriod(tx, id)
  })
}
