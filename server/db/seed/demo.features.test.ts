// The demo of the later features, loaded whole into a test database as `npm start` loads it: the
// inspection plan against what happened, corrective actions in every state, checklist rounds; key
// positions in every vetting status with their alerts, officers in every training status, the
// directive's materials; channels with reviews overdue and 2FA missing, incidents closed on time,
// closed late and open; and the committee's overview with every indicator non-trivial and a trend.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDirectiveText } from '../../features/directives/parse/index.ts'
import { createTestApp, PASSWORD, type Session, type TestApp } from '../../../test/app.ts'
import { loadDemoData } from './demo.ts'

const NOW = new Date('2026-11-20T03:00:00Z')
let t: TestApp
let committee: Session
let board: Session

beforeAll(async () => {
  t = await createTestApp()
  t.clock.set(NOW)
  await loadDemoData(t.db, PASSWORD, { keys: t.keys, appealDays: 30 }, NOW)
  ;[committee, board] = [await t.login('committee'), await t.login('board')]
}, 300_000)
afterAll(() => t?.close())

const get = async (s: Session, url: string) => {
  const res = await t.call(s, 'GET', url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const count = (xs: { [k: string]: unknown }[], key: string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [String(x[key])]: (m[String(x[key])] ?? 0) + 1 }), {})

describe('the demo of inspections', () => {
  it("has this year's plan approved, items started, concluded, planned and one dropped with its reason, and one inspection outside it", async () => {
    const plans = (await get(board, '/api/v1/inspection-plans')).items
    expect(plans).toEqual([expect.objectContaining({ year: 2026, status: 'approved' })])
    const plan = await get(board, `/api/v1/inspection-plans/${plans[0].id}`)
    expect(plan.planItems.length).toBeGreaterThanOrEqual(6)
    expect(plan.counts).toMatchObject({ planned: 1, dropped: 1, outsidePlan: 1 })
    expect(plan.counts.started).toBeGreaterThanOrEqual(2)
    expect(plan.counts.concluded).toBeGreaterThanOrEqual(2)
    expect(plan.planItems.find((i: any) => i.state === 'dropped').dropReason).toMatch(/chồng chéo/)
  })

  it('has inspections in every phase, one concluded with findings on two units and requirements and its notice issued', async () => {
    const list = (await get(board, '/api/v1/inspections?year=2026')).items
    expect(Object.keys(count(list, 'phase')).sort()).toEqual(['concluded', 'conduct', 'preparation'])
    const concluded = list.filter((i: any) => i.phase === 'concluded' && i.unitIds.length === 2)
    expect(concluded).toHaveLength(1)
    const i = await get(board, `/api/v1/inspections/${concluded[0].id}`)
    expect(new Set(i.findings.map((f: any) => f.unitId)).size).toBe(2)
    expect(i.findings.filter((f: any) => f.requirementId !== null).length).toBeGreaterThanOrEqual(4)
    expect(i.conclusion).toMatchObject({ status: 'issued', number: expect.stringMatching(/-TB\//) })
    expect(i.requests[0].items.map((x: any) => x.status).sort()).toEqual(['askedAgain', 'received', 'received'])
    const docx = await t.call(committee, 'GET', `/api/v1/inspections/${i.id}/conclusion.docx`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
  })

  it('has corrective actions in every state and every timeliness class, reported ones with evidence', async () => {
    const cas = (await get(board, '/api/v1/corrective-actions?limit=200')).items
    const status = count(cas, 'status')
    for (const s of ['open', 'reported', 'returned', 'closed']) expect(status[s], s).toBeGreaterThan(0)
    const timeliness = count(cas, 'timeliness')
    for (const s of ['done_on_time', 'done_late', 'in_progress_on_time', 'overdue']) expect(timeliness[s], s).toBeGreaterThan(0)
    const reported = cas.find((c: any) => c.status === 'reported')
    expect((await get(board, `/api/v1/corrective-actions/${reported.id}`)).evidence.length).toBeGreaterThan(0)
  })

  it('has a self-inspection checklist assigned to several units, some submitted, a "no" made a corrective action', async () => {
    const rounds = (await get(board, '/api/v1/checklist-assignments?limit=500')).items
    expect(rounds.length).toBeGreaterThanOrEqual(10)
    const status = count(rounds, 'status')
    expect(status.submitted).toBeGreaterThanOrEqual(5)
    expect(status.assigned).toBeGreaterThanOrEqual(5)
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM corrective_action WHERE assignment_id IS NOT NULL')
    expect(n).toBeGreaterThan(0)
  })
})

describe('the demo of key positions, officers and materials', () => {
  it('has registers for five units, one vacancy, holders current, expiring, expired and without a conclusion, and their alerts raised', async () => {
    const positions = (await get(board, '/api/v1/positions')).items
    expect(new Set(positions.map((p: any) => p.unitId)).size).toBe(5)
    expect(positions.filter((p: any) => p.holder === null)).toHaveLength(1)
    const vetting = count(positions.filter((p: any) => p.holder), 'vetting')
    for (const s of ['current', 'expiring', 'expired', 'none', 'not_required']) expect(vetting[s], s).toBeGreaterThan(0)
    const [{ n }] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM position_alert WHERE cleared_at IS NULL`)
    expect(n).toBe(vetting.none + (vetting.expired ?? 0) + (vetting.not_met ?? 0))
  })

  it('has officers in most units with training current, due, overdue and none', async () => {
    const officers = (await get(board, '/api/v1/officers')).items
    expect(new Set(officers.map((o: any) => o.unitId)).size).toBeGreaterThanOrEqual(20)
    const training = count(officers, 'trainingStatus')
    for (const s of ['current', 'due', 'overdue', 'none']) expect(training[s], s).toBeGreaterThan(0)
  })

  it('has three materials for the demo directive', async () => {
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM directive_material')
    expect(n).toBe(3)
  })
})

describe('the demo of channels and incidents', () => {
  it('has about twelve channels over several units, some with the review overdue, some with 2FA missing', async () => {
    const channels = (await get(board, '/api/v1/channels')).items
    expect(channels.length).toBeGreaterThanOrEqual(12)
    expect(new Set(channels.map((c: any) => c.unitId)).size).toBeGreaterThanOrEqual(5)
    expect(Object.keys(count(channels, 'kind')).sort()).toEqual(['email_domain', 'facebook_page', 'website', 'youtube', 'zalo_oa'])
    expect(channels.filter((c: any) => c.reviewStatus === 'overdue').length).toBeGreaterThan(1)
    expect(channels.filter((c: any) => c.reviewStatus === 'current').length).toBeGreaterThan(1)
    expect(channels.filter((c: any) => !c.twoFactor).length).toBeGreaterThan(1)
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_review')
    expect(n).toBeGreaterThanOrEqual(8)
  })

  it('has an impersonation closed on time, an account takeover closed late and a defacement open', async () => {
    const incidents = (await get(board, '/api/v1/incidents')).items
    expect(incidents.map((i: any) => [i.kind, i.status, i.timeliness]).sort()).toEqual([
      ['account_takeover', 'closed', 'done_late'], ['defacement', 'open', 'in_progress_on_time'], ['impersonation', 'closed', 'done_on_time'],
    ])
  })
})

describe('the overview for the committee', () => {
  it('tracks every indicator with a non-trivial value for the whole ministry, and a trend of twelve months', async () => {
    const { indicators } = await get(committee, '/api/v1/overview')
    console.log(indicators.map((i: any) => `${i.requirement} ${i.key}: ${i.numerator}/${i.denominator} trend ${i.trend.map((p: any) => p.value === null ? '-' : Math.round(p.value * 100) / 100).join(' ')}`).join('\n'))
    expect(indicators.length).toBeGreaterThanOrEqual(9)
    for (const i of indicators) {
      expect(i.tracked, i.key).toBe(true)
      if (i.denominator !== null) expect(i.denominator, i.key).toBeGreaterThan(0)
      expect(i.numerator, i.key).toBeGreaterThan(0)
      expect(i.trend.length, i.key).toBe(12)
    }
    // Not flat: every share climbed over the year to today's; a count wandered.
    const shares = indicators.filter((x: any) => x.denominator !== null)
    for (const i of shares) expect(new Set(i.trend.map((p: any) => p.value)).size, i.key).toBeGreaterThan(1)
    for (const i of shares) expect(i.trend[0].value, i.key).toBeLessThan(i.trend[11].value)
    expect(indicators.find((i: any) => i.key === 'incidents_open').trend.some((p: any) => p.value !== 1)).toBe(true)
  })
})

describe('the demo loaded early in the year', () => {
  it("still shows this year's plan, its timeline shrunk to the weeks gone by, with every corrective-action state", async () => {
    const early = await createTestApp()
    try {
      const now = new Date('2026-03-20T03:00:00Z')
      early.clock.set(now)
      await loadDemoData(early.db, PASSWORD, { keys: early.keys, appealDays: 30 }, now)
      const s = await early.login('committee')
      const plans = (await early.call(s, 'GET', '/api/v1/inspection-plans')).json().items
      expect(plans).toEqual([expect.objectContaining({ year: 2026, status: 'approved' })])
      const statuses = await early.db.query<{ status: string }>('SELECT DISTINCT status FROM corrective_action ORDER BY 1')
      expect(statuses.map((r) => r.status)).toEqual(['closed', 'open', 'reported', 'returned'])
      const { indicators } = (await early.call(s, 'GET', '/api/v1/overview')).json()
      expect(indicators.find((i: any) => i.key === 'inspections_done')).toMatchObject({ tracked: true, denominator: 6 })
      expect(indicators.find((i: any) => i.key === 'inspections_done').numerator).toBeGreaterThan(0)
    } finally {
      await early.close()
    }
  }, 300_000)
})

describe('the demo a ministry reader believes', () => {
  it('registers the letter as the clerk corrected it: 1946-CV/BCSĐ, with Vietnamese spelling in the distribution', async () => {
    const [d] = await t.db.query<{ number: string; distribution: string[] }>(`SELECT number, distribution FROM directive WHERE number LIKE '1946-%'`)
    expect(d.number).toBe('1946-CV/BCSĐ')
    expect(d.distribution).toContain('Đ/c Bí thư BCSĐ (để b/c)')
    // The correction is on record: the parser's accuracy page counts it.
    const corrected = await t.db.query<{ field: string; parser_value: unknown; final_value: unknown }>('SELECT field, parser_value, final_value FROM parse_correction ORDER BY field')
    expect(corrected.map((c) => c.field)).toEqual(['distribution', 'number'])
    expect(corrected[1]).toMatchObject({ parser_value: '1946-CV/BCSD', final_value: '1946-CV/BCSĐ' })
  })

  it('stores the signer and co-addressees the parser reads from the letter (this copy ends at "Nơi nhận": no signature, no "Đồng kính gửi")', async () => {
    const letter = readFileSync(fileURLToPath(new URL('./letters/1946-CV-BCSD.txt', import.meta.url)), 'utf8')
    const parsed = parseDirectiveText(letter)
    const [d] = await t.db.query<{ id: number }>(`SELECT id FROM directive WHERE number = '1946-CV/BCSĐ'`)
    const dto = await get(board, `/api/v1/directives/${d.id}`)
    expect(dto.signature).toEqual(parsed.signature)
    expect(dto.coAddressees).toEqual(parsed.coAddressees)
    expect(dto.addressees).toEqual(['Các đơn vị thuộc và trực thuộc Bộ Y tế'])
  })

  it('dates what people did in working hours on working days, after the letter was issued', async () => {
    const rows = await t.db.query<{ at: Date; what: string }>(
      `SELECT acknowledged_at AS at, 'ack' AS what FROM directive_addressee WHERE acknowledged_at IS NOT NULL
       UNION ALL SELECT submitted_at, 'plan' FROM unit_plan WHERE submitted_at IS NOT NULL
       UNION ALL SELECT reviewed_at, 'plan review' FROM unit_plan WHERE reviewed_at IS NOT NULL
       UNION ALL SELECT submitted_at, 'report' FROM unit_report_version
       UNION ALL SELECT created_at, 'session' FROM dissemination_session`,
    )
    expect(rows.length).toBeGreaterThan(50)
    const local = (d: Date) => new Date(new Date(d).getTime() + 7 * 3_600_000)
    const outside = rows.filter((r) => { const l = local(r.at); return l.getUTCHours() < 8 || l.getUTCHours() >= 17 || [0, 6].includes(l.getUTCDay()) })
    expect(outside).toEqual([])
    const early = await t.db.query(
      `SELECT s.id FROM dissemination_session s JOIN directive d ON d.id = s.directive_id WHERE s.held_on < (d.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    )
    expect(early).toEqual([])
  })

  it('has report narratives that differ from unit to unit and requirement to requirement', async () => {
    const versions = await t.db.query<{ content: { sections: { requirementId: number; done: string }[] } }>('SELECT content FROM unit_report_version')
    const sections = versions.flatMap((v) => v.content.sections).filter((s) => s.done)
    expect(sections.length).toBeGreaterThan(50)
    // Almost every account is its own text; none is repeated across requirements.
    expect(new Set(sections.map((s) => s.done)).size).toBeGreaterThan(sections.length * 0.6)
    const byText = new Map<string, Set<number>>()
    for (const s of sections) byText.set(s.done, (byText.get(s.done) ?? new Set()).add(s.requirementId))
    expect([...byText.values()].filter((reqs) => reqs.size > 1)).toEqual([])
  })
})

