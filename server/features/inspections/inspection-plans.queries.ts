// The SQL of annual inspection plans: the plan, its items with their units and lead, and what each
// item became (its inspection), for the plan-versus-actual view.
import type { PlanItemInput } from '../../../contract/inspections.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

export interface PlanRow {
  id: number
  ownerUnitId: number
  ownerPath: string
  year: number
  title: string
  status: 'draft' | 'submitted' | 'approved'
  submittedAt: string | null
  approvedAt: string | null
  returnComment: string | null
  version: number
}

interface PlanRecord {
  id: number; owner_unit_id: number; owner_path: string; year: number; title: string; status: PlanRow['status']
  submitted_at: Date | null; approved_at: Date | null; return_comment: string | null; version: number
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
const toPlan = (r: PlanRecord): PlanRow => ({
  id: r.id, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path, year: r.year, title: r.title, status: r.status,
  submittedAt: iso(r.submitted_at), approvedAt: iso(r.approved_at), returnComment: r.return_comment, version: r.version,
})
const PLAN_COLUMNS = 'p.id, p.owner_unit_id, ou.path::text AS owner_path, p.year, p.title, p.status, p.submitted_at, p.approved_at, p.return_comment, p.version'

export async function findPlan(db: Queryable, id: number, forUpdate = false): Promise<PlanRow | null> {
  const [r] = await db.query<PlanRecord>(`SELECT ${PLAN_COLUMNS} FROM inspection_plan p JOIN unit ou ON ou.id = p.owner_unit_id WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`, [id])
  return r ? toPlan(r) : null
}

export async function findPlanFor(db: Queryable, ownerUnitId: number, year: number): Promise<PlanRow | null> {
  const [r] = await db.query<PlanRecord>(`SELECT ${PLAN_COLUMNS} FROM inspection_plan p JOIN unit ou ON ou.id = p.owner_unit_id WHERE p.owner_unit_id = $1 AND p.year = $2`, [ownerUnitId, year])
  return r ? toPlan(r) : null
}

/**
 * Plans the caller sees: every plan of an inspecting body under `oversight`, and approved plans
 * with an item naming a unit under `units` or led by (or carried out by a team including) `accountId`.
 */
export async function listPlans(db: Queryable, oversight: string[], units: string[], accountId: number | null, year?: number): Promise<(PlanRow & { items: number })[]> {
  const params: unknown[] = [arrayLiteral(oversight), arrayLiteral(units), accountId ?? 0]
  const where = [`(ou.path <@ ANY($1::ltree[]) OR (p.status = 'approved' AND EXISTS (
      SELECT 1 FROM inspection_plan_item it WHERE it.plan_id = p.id AND (
        EXISTS (SELECT 1 FROM inspection_plan_item_unit iu JOIN unit u ON u.id = iu.unit_id WHERE iu.item_id = it.id AND u.path <@ ANY($2::ltree[]))
        OR it.lead_account_id = $3
        OR EXISTS (SELECT 1 FROM inspection i JOIN inspection_member m ON m.inspection_id = i.id WHERE i.plan_item_id = it.id AND m.account_id = $3)))))`]
  if (year) where.push(`p.year = $${params.push(year)}`)
  const rows = await db.query<PlanRecord & { items: number }>(
    `SELECT ${PLAN_COLUMNS}, (SELECT count(*)::int FROM inspection_plan_item it WHERE it.plan_id = p.id) AS items
     FROM inspection_plan p JOIN unit ou ON ou.id = p.owner_unit_id WHERE ${where.join(' AND ')} ORDER BY p.year DESC, ou.path, p.id`,
    params,
  )
  return rows.map((r) => ({ ...toPlan(r), items: r.items }))
}

export interface PlanItemRow {
  id: number
  planId: number
  ordinal: number
  title: string
  content: string
  directiveIds: number[]
  requirementIds: number[]
  kind: 'inspection' | 'supervision'
  mode: 'regular' | 'thematic'
  method: 'direct' | 'documents'
  plannedQuarter: number | null
  plannedMonth: number | null
  leadAccountId: number | null
  leadName: string | null
  unitIds: number[]
  unitPaths: string[]
  droppedOn: string | null
  dropReason: string | null
  version: number
  inspectionId: number | null
  inspectionNumber: string | null
  inspectionPhase: string | null
  /** Accounts on the team of the item's inspection. */
  teamAccountIds: number[]
}

interface ItemRecord {
  id: number; plan_id: number; ordinal: number; title: string; content: string; directive_ids: number[]; requirement_ids: number[]; kind: PlanItemRow['kind']
  mode: PlanItemRow['mode']; method: PlanItemRow['method']; planned_quarter: number | null; planned_month: number | null; lead_account_id: number | null
  lead_name: string | null; unit_ids: number[]; unit_paths: string[]; dropped_on: string | null; drop_reason: string | null; version: number
  inspection_id: number | null; inspection_number: string | null; inspection_phase: string | null; team_account_ids: number[]
}

const ITEM_SELECT = `SELECT it.id, it.plan_id, it.ordinal, it.title, it.content, it.directive_ids, it.requirement_ids, it.kind, it.mode, it.method, it.planned_quarter,
    it.planned_month, it.lead_account_id, coalesce(lp.full_name, la.username) AS lead_name, it.dropped_on, it.drop_reason, it.version,
    coalesce(iu.unit_ids, '{}') AS unit_ids, coalesce(iu.unit_paths, '{}') AS unit_paths,
    i.id AS inspection_id, i.number AS inspection_number, i.phase AS inspection_phase,
    ARRAY(SELECT m.account_id FROM inspection_member m WHERE m.inspection_id = i.id) AS team_account_ids
  FROM inspection_plan_item it LEFT JOIN account la ON la.id = it.lead_account_id LEFT JOIN person lp ON lp.id = la.person_id
  LEFT JOIN inspection i ON i.plan_item_id = it.id
  -- An item's units and their paths in one pass (a plan of ~500 items at 5,000 units: one probe per item, not two).
  LEFT JOIN LATERAL (SELECT array_agg(x.unit_id ORDER BY x.unit_id) AS unit_ids, array_agg(u.path::text ORDER BY x.unit_id) AS unit_paths
    FROM inspection_plan_item_unit x JOIN unit u ON u.id = x.unit_id WHERE x.item_id = it.id) iu ON true`

const toItem = (r: ItemRecord): PlanItemRow => ({
  id: r.id, planId: r.plan_id, ordinal: r.ordinal, title: r.title, content: r.content, directiveIds: r.directive_ids, requirementIds: r.requirement_ids,
  kind: r.kind, mode: r.mode, method: r.method, plannedQuarter: r.planned_quarter, plannedMonth: r.planned_month, leadAccountId: r.lead_account_id,
  leadName: r.lead_name, unitIds: r.unit_ids, unitPaths: r.unit_paths, droppedOn: r.dropped_on, dropReason: r.drop_reason, version: r.version,
  inspectionId: r.inspection_id, inspectionNumber: r.inspection_number, inspectionPhase: r.inspection_phase, teamAccountIds: r.team_account_ids,
})

export async function planItems(db: Queryable, planId: number): Promise<PlanItemRow[]> {
  return (await db.query<ItemRecord>(`${ITEM_SELECT} WHERE it.plan_id = $1 ORDER BY it.ordinal, it.id`, [planId])).map(toItem)
}

/** Every item of the plan by what happened to it (as itemState decides), and the dropped ones with their reasons. */
export async function planCounts(db: Queryable, planId: number) {
  const [c] = await db.query<{ planned: number; started: number; concluded: number; dropped: number }>(
    `SELECT count(*) FILTER (WHERE it.dropped_on IS NULL AND i.id IS NULL)::int AS planned,
            count(*) FILTER (WHERE it.dropped_on IS NULL AND i.id IS NOT NULL AND i.phase <> 'concluded')::int AS started,
            count(*) FILTER (WHERE it.dropped_on IS NULL AND i.phase = 'concluded')::int AS concluded,
            count(*) FILTER (WHERE it.dropped_on IS NOT NULL)::int AS dropped
     FROM inspection_plan_item it LEFT JOIN inspection i ON i.plan_item_id = it.id WHERE it.plan_id = $1`,
    [planId],
  )
  const dropped = await db.query<{ id: number; title: string; dropReason: string | null }>(
    'SELECT id, title, drop_reason AS "dropReason" FROM inspection_plan_item WHERE plan_id = $1 AND dropped_on IS NOT NULL ORDER BY ordinal, id', [planId],
  )
  return { counts: c, dropped }
}

export async function findPlanItem(db: Queryable, id: number, forUpdate = false): Promise<PlanItemRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM inspection_plan_item WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<ItemRecord>(`${ITEM_SELECT} WHERE it.id = $1`, [id])
  return r ? toItem(r) : null
}

type ItemFields = Omit<PlanItemInput, 'plannedQuarter' | 'plannedMonth' | 'leadAccountId'> & { plannedQuarter: number | null; plannedMonth: number | null; leadAccountId: number | null }

export async function insertPlanItem(db: Queryable, planId: number, f: ItemFields): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO inspection_plan_item (plan_id, ordinal, title, content, directive_ids, requirement_ids, kind, mode, method, planned_quarter, planned_month, lead_account_id)
     VALUES ($1, (SELECT coalesce(max(ordinal), 0) + 1 FROM inspection_plan_item WHERE plan_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [planId, f.title, f.content, f.directiveIds, f.requirementIds, f.kind, f.mode, f.method, f.plannedQuarter, f.plannedMonth, f.leadAccountId],
  )
  await setItemUnits(db, id, f.unitIds)
  return id
}

export async function updatePlanItemRow(db: Queryable, id: number, f: ItemFields, now: Date) {
  await db.query(
    `UPDATE inspection_plan_item SET title = $2, content = $3, directive_ids = $4, requirement_ids = $5, kind = $6, mode = $7, method = $8, planned_quarter = $9,
       planned_month = $10, lead_account_id = $11, version = version + 1, updated_at = $12 WHERE id = $1`,
    [id, f.title, f.content, f.directiveIds, f.requirementIds, f.kind, f.mode, f.method, f.plannedQuarter, f.plannedMonth, f.leadAccountId, now],
  )
  await setItemUnits(db, id, f.unitIds)
}

async function setItemUnits(db: Queryable, itemId: number, unitIds: number[]) {
  await db.query('DELETE FROM inspection_plan_item_unit WHERE item_id = $1', [itemId])
  await db.query('INSERT INTO inspection_plan_item_unit (item_id, unit_id) SELECT $1, u FROM unnest($2::int[]) AS u ON CONFLICT DO NOTHING', [itemId, unitIds])
}
