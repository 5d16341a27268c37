import { randomBytes } from 'node:crypto'
import { vnNameSortKey, vnSortKey } from '../../../contract/vietnamese.ts'
import { recordAudit } from '../../features/audit/audit.service.ts'
import { hashPassword } from '../../features/auth/password.ts'
import type { Keyring } from '../../lib/keyring.ts'
import type { Db, Queryable } from '../types.ts'
import { loadDemoCases } from './demo-cases.ts'
import { loadDemoChannels } from './demo-channels.ts'
import { loadDemoInspections } from './demo-inspections.ts'
import { loadDemoOverview } from './demo-overview.ts'
import { loadDemoPositions } from './demo-positions.ts'
import { DEMO_TREE, type DemoUnit } from './demo-tree.ts'
import { loadDemoDirective } from './demo-directive.ts'
import { loadDemoReports } from './demo-reports.ts'
import { loadDemoDissemination } from '../../features/dissemination/dissemination.demo.ts'
import { POSITIONS, categoryFor, rng, vietnameseName } from './names.ts'

export interface DemoAccount {
  username: string
  role: string
  unit: string
}

export const newDemoPassword = () => 'Bvct-' + randomBytes(6).toString('base64url')

export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unit')
  return r.n === 0
}

interface BuiltUnit {
  id: number
  code: string
  name: string
  kind: string
  path: string
  peopleIds: number[]
}

/**
 * Loads the Ministry of Health demo: the unit tree, ~30 staff per unit, an account for every role,
 * the seed letter's work, and confidential cases sealed under `cases.keys`. One transaction: a
 * crash half-way leaves an empty database that the next start refills.
 */
export async function loadDemoData(db: Db, password: string, cases: { keys: Keyring; appealDays: number }, now = new Date()): Promise<DemoAccount[]> {
  const hash = await hashPassword(password)
  const r = rng(1946)
  return db.transaction(async (tx) => {
    const units: BuiltUnit[] = []
    const add = async (u: DemoUnit, parent: BuiltUnit | null) => {
      const [{ id }] = await tx.query<{ id: number }>(
        `INSERT INTO unit (parent_id, path, code, name, kind, sort_key) VALUES ($1, '0', $2, $3, $4, $5) RETURNING id`,
        [parent?.id ?? null, u.code, u.name, u.kind, vnSortKey(u.name)],
      )
      const path = parent ? `${parent.path}.${id}` : String(id)
      await tx.query('UPDATE unit SET path = $2::ltree WHERE id = $1', [id, path])
      const built: BuiltUnit = { id, code: u.code, name: u.name, kind: u.kind, path, peopleIds: [] }
      units.push(built)
      const count = u.people ?? 24 + Math.floor(r() * 14)
      const pos = POSITIONS[u.kind] ?? POSITIONS.default
      const rows = Array.from({ length: count }, (_, i) => {
        const position = i === 0 ? pos.head : i === 1 ? pos.deputy : pos.staff[Math.floor(r() * pos.staff.length)]
        const fullName = vietnameseName(r)
        return { fullName, position, category: categoryFor(u.kind, position), isPartyMember: i < 2 || r() < 0.4 }
      })
      if (rows.length) {
        const ids = await tx.query<{ id: number }>(
          `INSERT INTO person (unit_id, full_name, position, category, is_party_member, sort_key)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[]) RETURNING id`,
          [id, rows.map((p) => p.fullName), rows.map((p) => p.position), rows.map((p) => p.category), rows.map((p) => p.isPartyMember), rows.map((p) => vnNameSortKey(p.fullName))],
        )
        built.peopleIds = ids.map((x) => x.id)
      }
      for (const c of u.children ?? []) await add(c, built)
    }
    await add(DEMO_TREE, null)

    const root = units[0]
    const byCode = (c: string) => units.find((u) => u.code === c)!
    const accounts: { username: string; personId: number | null; role: string; unit: BuiltUnit }[] = [
      { username: 'admin', personId: byCode('VPB').peopleIds.at(-1)!, role: 'admin', unit: root },
      { username: 'committee', personId: byCode('BCSD').peopleIds[0], role: 'committee', unit: root },
      { username: 'board', personId: byCode('BBVCTNB').peopleIds[2], role: 'board', unit: root },
      { username: 'inspector', personId: byCode('BBVCTNB').peopleIds[3], role: 'inspector', unit: root },
      { username: 'auditor', personId: byCode('TTB').peopleIds[2], role: 'auditor', unit: root },
      { username: 'staff', personId: byCode('BVBM').peopleIds[5], role: 'staff', unit: byCode('BVBM') },
      // The subjects of two demo violation cases: each sees the notices addressed to them.
      { username: 'staff.cr', personId: byCode('BVCR').peopleIds[6], role: 'staff', unit: byCode('BVCR') },
    ]
    for (const u of units) {
      if (u.peopleIds.length < 3) {
        accounts.push({ username: `head.${u.code.toLowerCase()}`, personId: null, role: 'unitHead', unit: u })
        accounts.push({ username: `officer.${u.code.toLowerCase()}`, personId: null, role: 'unitOfficer', unit: u })
        continue
      }
      accounts.push({ username: `head.${u.code.toLowerCase()}`, personId: u.peopleIds[0], role: 'unitHead', unit: u })
      accounts.push({ username: `officer.${u.code.toLowerCase()}`, personId: u.peopleIds[u.peopleIds.length - 1], role: 'unitOfficer', unit: u })
    }
    const used = new Set<number>()
    const accountIds = new Map<string, number>()
    for (const a of accounts) {
      const personId = a.personId && !used.has(a.personId) ? a.personId : null
      if (personId) used.add(personId)
      const [{ id }] = await tx.query<{ id: number }>('INSERT INTO account (username, person_id, password_hash) VALUES ($1,$2,$3) RETURNING id', [a.username, personId, hash])
      await tx.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3)', [id, a.role, a.unit.id])
      accountIds.set(a.username, id)
    }

    // Demo mailboxes, so reminders have somewhere to go (logged unless SMTP_URL is set).
    await tx.query(`UPDATE person p SET email = a.username || '@demo.bvct.vn' FROM account a WHERE a.person_id = p.id`)

    // The seed letter, issued to every unit below the Ministry except the issuer's own.
    const issuerSide = new Set(['ministry', 'committee', 'board'])
    const addressees = units.filter((u) => !issuerSide.has(u.kind)).map((u) => ({
      id: u.id, peopleIds: u.peopleIds,
      accountIds: { head: accountIds.get(`head.${u.code.toLowerCase()}`), officer: accountIds.get(`officer.${u.code.toLowerCase()}`) },
    }))
    const directiveId = await loadDemoDirective(tx, { ownerUnitId: byCode('BCSD').id, boardAccountId: accountIds.get('board')!, units: addressees, now, rng: r })
    await loadDemoDissemination(tx, { directiveId, units: addressees.map((u) => ({ id: u.id, peopleIds: u.peopleIds })), now, rng: r })
    await loadDemoReports(tx, {
      directiveId, ownerUnitId: root.id, scopeUnitId: root.id, boardAccountId: accountIds.get('board')!, now, rng: r,
      units: addressees.map((u) => ({ id: u.id, name: units.find((x) => x.id === u.id)!.name, head: u.accountIds.head, officer: u.accountIds.officer })),
    })
    const personOf = new Map(accounts.map((a) => [a.username, a.personId]))
    const caseCount = await loadDemoCases(tx, {
      kind: db.kind, keys: cases.keys, appealDays: cases.appealDays, now,
      refs: {
        accountId: (username) => accountIds.get(username)!,
        personOf: (username) => personOf.get(username)!,
        personId: (code, i) => byCode(code).peopleIds[i],
        unitId: (code) => byCode(code).id,
      },
    })
    // The later features' demo, each through its own services; the overview's trend last, from all of them.
    const later = { kind: db.kind, keys: cases.keys, now, rng: r, directiveId, refs: { accountId: (u: string) => accountIds.get(u)!, personId: (code: string, i: number) => byCode(code).peopleIds.at(i)!, unitId: (code: string) => byCode(code).id } }
    const inspections = await loadDemoInspections(tx, later)
    const positions = await loadDemoPositions(tx, later)
    const channels = await loadDemoChannels(tx, later)
    const overviewMonths = await loadDemoOverview(tx, later)
    await recordAudit(tx, { id: null, username: 'system', ip: null, now }, {
      action: 'loadDemoData', entity: 'system', entityId: null, after: { units: units.length, accounts: accounts.length, cases: caseCount, inspections, positions, channels, overviewMonths },
    })
    return accounts.map((a) => ({ username: a.username, role: a.role, unit: a.unit.name }))
  })
}
