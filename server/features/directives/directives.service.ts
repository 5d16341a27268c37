import type { DirectiveDto, DirectiveInput } from '../../../contract/directives.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { arrayLiteral } from '../../db/types.ts'
import { deadlineAfter } from '../../lib/dates.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { unitById } from '../units/units.access.ts'
import { visibleDirective } from './directives.access.ts'
import { DIRECTIVE_MANAGE_ROLES, canAcknowledgeFor, canManageDirective } from './directives.policy.ts'
import { countAddressees, findAddressee, findDirective, insertRequirements, listRequirements, topRequirements, type DirectiveRow } from './directives.queries.ts'
import { noticeDirectiveIssued } from '../notifications/work-notices.ts'
import { recordParseReview, type ParseReview } from './parse-review.service.ts'

/** The directive's top-level requirements in order: what plans, the matrix and reports are organized by. */
export const requirementsOf = (db: Queryable, directiveId: number) => topRequirements(db, directiveId)

/** The directive as the API shows it: fields, requirement tree, number of addressees. */
export async function directiveDto(db: Queryable, id: number): Promise<DirectiveDto> {
  const { ownerPath: _p, ...d } = (await findDirective(db, id))!
  return { ...d, requirements: await listRequirements(db, id), addresseeCount: await countAddressees(db, id) }
}

async function managedDirective(tx: Queryable, user: CurrentUser, id: number) {
  const d = await findDirective(tx, id, true)
  if (!d || !canManageDirective(user, d.ownerPath)) throw notFound()
  return d
}

function checkVersion(d: DirectiveRow, version: number) {
  if (d.version !== version) {
    const { ownerPath: _p, ...current } = d
    throw new AppError('CONFLICT', undefined, { current })
  }
}

/** A signature with nothing in it is no signature: stored as null, as the parser says "none". */
const signatureOf = (s: DirectiveInput['signature']) => (s && (s.authority || s.title || s.name) ? { authority: s.authority || null, title: s.title || null, name: s.name || null } : null)

const fieldsOf = (i: Partial<DirectiveInput>) => ({
  number: i.number ?? null, documentType: i.documentType ?? null, parentBody: i.parentBody ?? null, issuer: i.issuer ?? null,
  place: i.place ?? null, date: i.date ?? null, subject: i.subject, addressees: i.addressees ?? [], coAddressees: i.coAddressees ?? [],
  preamble: i.preamble ?? null, closing: i.closing ?? null, distribution: i.distribution ?? [], signature: signatureOf(i.signature),
  references: i.references ?? [], sourceText: i.sourceText ?? null,
})

/** Co-addressees are addressees written under "Đồng kính gửi": each must be one of the letter's addressees. */
function checkCoAddressees(f: { addressees: string[]; coAddressees: string[] }) {
  const addressees = new Set(f.addressees)
  const i = f.coAddressees.findIndex((c) => !addressees.has(c))
  if (i >= 0) throw invalid({ [`coAddressees.${i}`]: 'notListedAddressee' })
}

/**
 * Registers a directive as a draft, owned by the caller's own managing unit. A retry with the same
 * key creates nothing. A letter registered from the parser's proposal (`review`) also records
 * which fields the person corrected.
 */
export async function createDirective(db: Db, user: CurrentUser, actor: Actor, input: DirectiveInput, idempotencyKey?: string, review?: ParseReview | null): Promise<Answer<DirectiveDto>> {
  const owner = user.grants.find((g) => DIRECTIVE_MANAGE_ROLES.includes(g.role))!
  return db.transaction((tx) => once(tx, actor.id, idempotencyKey, 201, async () => {
    const f = fieldsOf(input)
    checkCoAddressees(f)
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO directive (owner_unit_id, number, document_type, parent_body, issuer, place, date, subject, addressees, co_addressees, preamble, closing,
         distribution, signature, refs, source_text, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
      [owner.unitId, f.number, f.documentType, f.parentBody, f.issuer, f.place, f.date, f.subject, JSON.stringify(f.addressees), JSON.stringify(f.coAddressees),
        f.preamble, f.closing, JSON.stringify(f.distribution), f.signature ? JSON.stringify(f.signature) : null, JSON.stringify(f.references), f.sourceText, actor.id],
    )
    await insertRequirements(tx, id, input.requirements)
    if (review) await recordParseReview(tx, id, actor, review, input)
    const { sourceText: _s, ...audited } = f
    await recordAudit(tx, actor, { action: 'create', entity: 'directive', entityId: id, unitId: owner.unitId, after: { ...audited, requirements: input.requirements } })
    return directiveDto(tx, id)
  }))
}

/** Edits a draft freely; once issued, the requirements are fixed (units plan and report against them). */
export async function updateDirective(db: Db, user: CurrentUser, actor: Actor, id: number, input: Partial<DirectiveInput> & { version: number }): Promise<DirectiveDto> {
  return db.transaction(async (tx) => {
    const d = await managedDirective(tx, user, id)
    checkVersion(d, input.version)
    if (d.status !== 'draft' && input.requirements) throw invalid({ requirements: 'lockedAfterIssue' })
    if (d.status === 'closed' || d.status === 'superseded') throw new AppError('INVALID_STATE')
    const { ownerPath: _p, ownerUnitId: _o, status: _st, supersededById: _sb, issuedAt: _i, version: _v, id: _id, ...before } = d
    const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'version' && k !== 'requirements')) as Partial<typeof before>
    const next: typeof before = { ...before, ...changes, ...(input.signature !== undefined ? { signature: signatureOf(input.signature) } : {}) }
    checkCoAddressees(next)
    await tx.query(
      `UPDATE directive SET number=$2, document_type=$3, parent_body=$4, issuer=$5, place=$6, date=$7, subject=$8, addressees=$9, co_addressees=$10, preamble=$11,
         closing=$12, distribution=$13, signature=$14, refs=$15, source_text=$16, version = version + 1, updated_at = $17 WHERE id = $1`,
      [id, next.number, next.documentType, next.parentBody, next.issuer, next.place, next.date, next.subject, JSON.stringify(next.addressees),
        JSON.stringify(next.coAddressees), next.preamble, next.closing, JSON.stringify(next.distribution), next.signature ? JSON.stringify(next.signature) : null,
        JSON.stringify(next.references), next.sourceText, actor.now],
    )
    if (input.requirements) {
      await tx.query('DELETE FROM requirement WHERE directive_id = $1', [id])
      await insertRequirements(tx, id, input.requirements)
    }
    const strip = ({ sourceText: _s, ...x }: typeof before) => x
    await recordAudit(tx, actor, { action: 'update', entity: 'directive', entityId: id, unitId: d.ownerUnitId, before: strip(before), after: { ...strip(next), ...(input.requirements ? { requirements: input.requirements } : {}) } })
    return directiveDto(tx, id)
  })
}

/**
 * Issues a draft to addressee units: those picked, plus every active unit of the given kinds in the
 * issuer's scope ("Các đơn vị thuộc và trực thuộc Bộ"). Deadlines count from the issue date.
 */
export async function issueDirective(
  db: Db, user: CurrentUser, actor: Actor, id: number,
  input: { version: number; unitIds: number[]; unitKinds: string[]; acknowledgeWithinDays: number; planWithinDays: number },
): Promise<DirectiveDto> {
  return db.transaction(async (tx) => {
    const d = await managedDirective(tx, user, id)
    checkVersion(d, input.version)
    if (d.status !== 'draft') throw new AppError('INVALID_STATE')
    const scopes = scopePaths(user, DIRECTIVE_MANAGE_ROLES)
    const unitIds = new Set<number>()
    for (const [i, unitId] of input.unitIds.entries()) {
      const u = await unitById(tx, unitId)
      if (!u || !u.isActive || !scopes.some((s) => u.path === s || u.path.startsWith(s + '.'))) throw invalid({ [`unitIds.${i}`]: 'notFound' })
      unitIds.add(unitId)
    }
    if (input.unitKinds.length) {
      const rows = await tx.query<{ id: number }>(`SELECT id FROM unit WHERE is_active AND kind = ANY($1::text[]) AND path <@ ANY($2::ltree[])`, [
        arrayLiteral(input.unitKinds), arrayLiteral(scopes),
      ])
      for (const r of rows) unitIds.add(r.id)
    }
    if (!unitIds.size) throw invalid({ unitIds: 'required' })
    const ackDue = deadlineAfter(actor.now, input.acknowledgeWithinDays)
    const planDue = deadlineAfter(actor.now, input.planWithinDays)
    await tx.query(
      `INSERT INTO directive_addressee (directive_id, unit_id, ack_due_date, plan_due_date) SELECT $1, unnest($2::int[]), $3, $4`,
      [id, arrayLiteral([...unitIds]), ackDue, planDue],
    )
    await tx.query(`UPDATE directive SET status = 'issued', issued_at = $2, issued_by = $3, version = version + 1, updated_at = $2 WHERE id = $1`, [id, actor.now, actor.id])
    await recordAudit(tx, actor, {
      action: 'issue', entity: 'directive', entityId: id, unitId: d.ownerUnitId,
      before: { status: 'draft' }, after: { status: 'issued', addresseeCount: unitIds.size, ackDueDate: ackDue, planDueDate: planDue },
    })
    await noticeDirectiveIssued(tx, id, actor.now)
    return directiveDto(tx, id)
  })
}

export async function closeDirective(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; supersededById?: number | null }): Promise<DirectiveDto> {
  return db.transaction(async (tx) => {
    const d = await managedDirective(tx, user, id)
    checkVersion(d, input.version)
    if (d.status !== 'issued') throw new AppError('INVALID_STATE')
    if (input.supersededById) {
      const other = await findDirective(tx, input.supersededById)
      if (!other || other.id === id || !canManageDirective(user, other.ownerPath) || other.status === 'draft') throw invalid({ supersededById: 'notFound' })
    }
    const status = input.supersededById ? 'superseded' : 'closed'
    await tx.query('UPDATE directive SET status = $2, superseded_by_id = $3, closed_at = $4, version = version + 1, updated_at = $4 WHERE id = $1', [
      id, status, input.supersededById ?? null, actor.now,
    ])
    await recordAudit(tx, actor, { action: status === 'closed' ? 'close' : 'supersede', entity: 'directive', entityId: id, unitId: d.ownerUnitId, before: { status: d.status }, after: { status, supersededById: input.supersededById ?? null } })
    return directiveDto(tx, id)
  })
}

/** A unit confirms receipt. Acknowledging twice keeps the first time: the retry changes nothing. */
export async function acknowledge(db: Db, user: CurrentUser, actor: Actor, id: number, unitId: number) {
  return db.transaction(async (tx) => {
    // One read on the way that succeeds: an issued directive addressed to a unit the caller may
    // acknowledge for is one they can see (acknowledging roles read every directive sent to their
    // scope), so its visibility needs no query of its own. Otherwise the checks say what is wrong.
    let a = await findAddressee(tx, id, unitId)
    if (!a || a.directiveStatus === 'draft' || !canAcknowledgeFor(user, a.path)) {
      const d = await visibleDirective(tx, user, id)
      if (d.status === 'draft') throw notFound()
      a = await findAddressee(tx, id, unitId)
      if (!a || !canAcknowledgeFor(user, a.path)) throw invalid({ unitId: a ? 'notFound' : 'notAddressee' })
    }
    if (a.acknowledgedAt) return { acknowledgedAt: new Date(a.acknowledgedAt).toISOString(), isNew: false }
    await tx.query('UPDATE directive_addressee SET acknowledged_at = $3, acknowledged_by = $4 WHERE directive_id = $1 AND unit_id = $2', [id, unitId, actor.now, actor.id])
    await recordAudit(tx, actor, { action: 'acknowledge', entity: 'directive', entityId: id, unitId, after: { unitId, acknowledgedAt: actor.now.toISOString() } })
    return { acknowledgedAt: actor.now.toISOString(), isNew: true }
  })
}

/** Where a directive's units stand, for other features' pages (the home page of work). */
export { directiveProgress } from './directives.queries.ts'
