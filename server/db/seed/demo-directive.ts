import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseDirectiveText } from '../../features/directives/parse/index.ts'
import { insertRequirements } from '../../features/directives/directives.queries.ts'
import { recordParseReview } from '../../features/directives/parse-review.service.ts'
import type { Queryable } from '../types.ts'
import { vnDay } from '../../lib/dates.ts'
import { inOfficeHours } from './scale/dates.ts'
import { noticeDirectiveIssued, noticePlanReviewed } from '../../features/notifications/work-notices.ts'

// The letter the system is built from: the committed copy among the parser's test letters (a clean clone has it).
const SEED_LETTER = fileURLToPath(new URL('./letters/1946-CV-BCSD.txt', import.meta.url))

const DAY = 86_400_000
const day = vnDay
const shift = (d: Date, days: number) => new Date(d.getTime() + days * DAY)

/**
 * What the board's clerk corrects before registering the letter: the copy says "BCSD" for "BCSĐ"
 * (typed without Vietnamese keyboard), and "đề b/c" for "để b/c". The parser reads what is written;
 * the register holds what was meant.
 */
export const CLERK_CORRECTIONS: { number: string; distribution: string[] } = {
  number: '1946-CV/BCSĐ',
  distribution: ['Như trên', 'Đ/c Bí thư BCSĐ (để b/c)', 'Các đ/c Ủy viên BCSĐ', 'BTV Đảng ủy Bộ Y tế', 'Lưu: VP BCSĐ'],
}

const ACTION_TITLES = [
  ['Tổ chức hội nghị quán triệt văn bản tới cấp ủy, lãnh đạo đơn vị', 'Đưa nội dung vào sinh hoạt chi bộ định kỳ'],
  ['Tổ chức học tập cho toàn thể viên chức, người lao động', 'Đăng tải nội dung trên trang thông tin nội bộ'],
  ['Rà soát danh sách viên chức làm việc tại bộ phận trọng yếu, cơ mật', 'Kiểm điểm việc thực hiện trách nhiệm nêu gương của người đứng đầu'],
  ['Rà soát các kênh truyền thông chính thức của đơn vị', 'Tập huấn an toàn, an ninh mạng cho cán bộ quản trị hệ thống'],
  ['Rà soát hồ sơ thẩm định tiêu chuẩn chính trị theo Quy định 58-QĐ/TW', 'Phối hợp cơ quan chức năng xác minh theo yêu cầu'],
  ['Xây dựng kế hoạch kiểm tra, giám sát công tác bảo vệ chính trị nội bộ năm', 'Tổ chức đoàn tự kiểm tra tại các khoa, phòng'],
  ['Cử cán bộ làm công tác bảo vệ chính trị nội bộ đi bồi dưỡng nghiệp vụ', 'Kiện toàn bộ phận làm công tác bảo vệ chính trị nội bộ'],
  ['Rà soát quy chế làm việc, quy chế bảo vệ bí mật của đơn vị', 'Đôn đốc khắc phục các tồn tại sau kiểm tra'],
  ['Tổng hợp, báo cáo kịp thời về Ban cán sự đảng qua Ban Bảo vệ chính trị nội bộ', 'Theo dõi, phát hiện và xử lý vi phạm theo quy định'],
]

export interface DemoDirectiveUnit {
  id: number
  peopleIds: number[]
  accountIds: { head?: number; officer?: number }
}

/**
 * The seed letter, parsed by the real parser and issued 60 days ago to every demo unit, with a
 * realistic spread: most units acknowledged (some late), plans from none to accepted, actions done
 * on time or late, in progress, overdue, and a pending extension request.
 */
export async function loadDemoDirective(tx: Queryable, o: { ownerUnitId: number; boardAccountId: number; units: DemoDirectiveUnit[]; now: Date; rng: () => number }) {
  const parsed = parseDirectiveText(readFileSync(SEED_LETTER, 'utf8'))
  const p = { ...parsed, ...CLERK_CORRECTIONS }
  const r = o.rng
  const office = (d: Date) => inOfficeHours(d, r)
  const issuedAt = office(shift(o.now, -60))
  const ackDue = day(shift(issuedAt, 10))
  const planDue = day(shift(issuedAt, 30))
  const [{ id }] = await tx.query<{ id: number }>(
    `INSERT INTO directive (owner_unit_id, number, document_type, parent_body, issuer, place, date, subject, addressees, co_addressees, preamble, closing,
       distribution, signature, refs, source_text, status, issued_at, issued_by, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,'issued',$17,$18,$18) RETURNING id`,
    [o.ownerUnitId, p.number, p.documentType, p.parentBody, p.issuer, p.place, p.date, p.subject ?? 'Tăng cường công tác bảo vệ chính trị nội bộ',
      JSON.stringify(p.addressees), JSON.stringify(p.coAddressees), p.preamble, p.closing, JSON.stringify(p.distribution),
      p.signature ? JSON.stringify(p.signature) : null, JSON.stringify(p.references), readFileSync(SEED_LETTER, 'utf8'), issuedAt, o.boardAccountId],
  )
  await insertRequirements(tx, id, p.requirements)
  // Registered the day before it was issued, the clerk's corrections counted as any clerk's are
  // (the parser's accuracy page shows them; npm run parse:corrections can make the letter a fixture).
  await recordParseReview(tx, id, { id: o.boardAccountId, username: 'board', ip: null, now: office(shift(issuedAt, -1)) },
    { kind: 'text', sourceText: readFileSync(SEED_LETTER, 'utf8'), proposal: parsed }, p)
  const reqs = await tx.query<{ id: number; ordinal: number }>('SELECT id, ordinal FROM requirement WHERE directive_id = $1 AND parent_id IS NULL ORDER BY ordinal', [id])
  for (const [i, u] of o.units.entries()) {
    // Units get a profile, from model to laggard, so the dashboard shows every state.
    const profile = i % 7 === 6 ? 'silent' : i % 5 === 4 ? 'late' : r() < 0.5 ? 'model' : 'steady'
    const ackAt = profile === 'silent' ? null : office(shift(issuedAt, profile === 'late' ? 13 + Math.floor(r() * 5) : 1 + Math.floor(r() * 8)))
    await tx.query('INSERT INTO directive_addressee (directive_id, unit_id, ack_due_date, plan_due_date, acknowledged_at, acknowledged_by) VALUES ($1,$2,$3,$4,$5,$6)', [
      id, u.id, ackDue, planDue, ackAt, ackAt ? u.accountIds.officer ?? null : null,
    ])
    if (profile === 'silent') continue
    const status = profile === 'model' ? (r() < 0.6 ? 'accepted' : 'submitted') : profile === 'steady' ? (r() < 0.3 ? 'returned' : 'submitted') : 'draft'
    const submittedAt = status === 'draft' ? null : office(shift(issuedAt, 20 + Math.floor(r() * 15)))
    const [plan] = await tx.query<{ id: number }>(
      `INSERT INTO unit_plan (directive_id, unit_id, status, submitted_at, submitted_by, reviewed_at, reviewed_by, review_comment) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [id, u.id, status, submittedAt, submittedAt ? u.accountIds.head ?? null : null,
        status === 'accepted' || status === 'returned' ? office(shift(submittedAt!, 3)) : null, status === 'accepted' || status === 'returned' ? o.boardAccountId : null,
        status === 'returned' ? 'Đề nghị bổ sung người chủ trì và mốc thời gian cụ thể cho yêu cầu 3 và 5.' : null],
    )
    const planned = profile === 'late' ? reqs.slice(0, 4 + Math.floor(r() * 3)) : reqs
    for (const q of planned) {
      const titles = ACTION_TITLES[(q.ordinal - 1) % ACTION_TITLES.length]
      const count = r() < 0.35 ? 2 : 1
      for (let k = 0; k < count; k++) {
        const due = shift(issuedAt, 25 + Math.floor(r() * 90))
        const isPast = due < o.now
        const roll = r()
        let st = 'notStarted'
        let completedOn: string | null = null
        if (isPast) {
          if (roll < (profile === 'model' ? 0.85 : 0.55)) {
            st = 'done'
            completedOn = day(shift(due, roll < 0.4 ? -Math.floor(r() * 10) : Math.floor(r() * 12) - 2))
            if (completedOn > day(o.now)) completedOn = day(o.now)
          } else st = roll < 0.8 ? 'inProgress' : 'blocked'
        } else if (roll < 0.45) st = 'inProgress'
        else if (roll < 0.55) {
          st = 'done'
          completedOn = day(shift(o.now, -Math.floor(r() * 5)))
        }
        const owner = u.peopleIds.length ? u.peopleIds[Math.floor(r() * u.peopleIds.length)] : null
        await tx.query(
          `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, owner_person_id, due_date, effective_due_date, status, completed_on, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9,$10)`,
          [plan.id, id, u.id, q.id, titles[k % titles.length], owner, day(due), st, completedOn, office(shift(issuedAt, 15))],
        )
      }
    }
    if (profile === 'steady' && r() < 0.3) {
      const [late] = await tx.query<{ id: number; effective_due_date: string }>(
        `SELECT id, effective_due_date FROM plan_action WHERE plan_id = $1 AND status <> 'done' ORDER BY effective_due_date LIMIT 1`, [plan.id],
      )
      if (late) {
        await tx.query(
          `INSERT INTO deadline_extension (plan_id, action_id, requested_due_date, reason, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5,$6)`,
          [plan.id, late.id, day(shift(new Date(late.effective_due_date), 30)), 'Đơn vị đang chờ hướng dẫn nghiệp vụ của cơ quan cấp trên.', u.accountIds.officer ?? null, office(shift(o.now, -3))],
        )
      }
    }
  }
  await tellUnits(tx, id, issuedAt)
  return id
}

/**
 * What the units were told: the directive's arrival (read by those who acknowledged, when they did)
 * and each plan returned or accepted. History, so its e-mails are not sent again at this start.
 */
async function tellUnits(tx: Queryable, directiveId: number, issuedAt: Date) {
  await noticeDirectiveIssued(tx, directiveId, issuedAt)
  await tx.query(
    `UPDATE notification n SET read_at = da.acknowledged_at FROM directive_addressee da
     WHERE n.kind = 'directive.issued' AND n.dedupe_key = 'directive-issued:' || da.directive_id || ':' || da.unit_id AND da.directive_id = $1 AND da.acknowledged_at IS NOT NULL`,
    [directiveId],
  )
  const reviewed = await tx.query<{ id: number; status: 'returned' | 'accepted'; review_comment: string | null; reviewed_at: Date }>(
    `SELECT id, status, review_comment, reviewed_at FROM unit_plan WHERE directive_id = $1 AND status IN ('returned', 'accepted')`, [directiveId],
  )
  for (const p of reviewed) await noticePlanReviewed(tx, p.id, p.status, p.review_comment, new Date(p.reviewed_at))
  await tx.query(`UPDATE notification SET email_status = NULL WHERE email_status = 'pending'`)
}
