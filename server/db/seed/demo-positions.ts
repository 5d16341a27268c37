// Key positions, officers and materials in the demo. Registers for five units, each position with
// its holder over time (one vacancy); holders whose vetting is current or expiring come from the
// demo's approved standards reviews (demo-cases.ts), the others have none, and the vetting job
// raises their alerts. A roster of officers for most units, trained by the board's courses so that
// some are current, some due for a refresher and some overdue. Three materials for the demo
// directive. Everything goes through the features' services, as the unit's officer or the board.
import type { PositionClassification } from '../../../contract/positions.ts'
import { grantAccess } from '../../features/cases/case-access.service.ts'
import { approveConclusion, openCase, recordStep, type CaseDeps } from '../../features/cases/cases.service.ts'
import { createTextMaterial } from '../../features/materials/materials.service.ts'
import { createOfficer } from '../../features/officers/officers.service.ts'
import { addAttendee, createCourse } from '../../features/officers/training.service.ts'
import { assignHolder, createPosition, vacatePosition, type PositionDeps } from '../../features/positions/positions.service.ts'
import { thresholdsOf } from '../../features/positions/readiness.service.ts'
import { runVettingJob } from '../../features/positions/vetting.service.ts'
import type { Queryable } from '../types.ts'
import { demoContext, quietMailer, type DemoFeatureInput } from './demo-context.ts'

interface DemoPosition {
  unit: string
  title: string
  department: string
  classification: PositionClassification
  requiresConclusion?: boolean
  /** Holders in order: person index in the unit, days ago they started; `vacated` days ago the last one left. */
  holders: [number, number][]
  vacated?: number
}

/**
 * The people with an approved review in demo-cases.ts: Bạch Mai's personnel office #3 (expires in
 * 60 days: expiring), Bệnh viện K #4 (valid two years: current). Chợ Rẫy's #3 has an old review,
 * loaded here, that expired a month ago. Everyone else holds without one.
 */
const POSITIONS: DemoPosition[] = [
  { unit: 'BVBM-TCCB', title: 'Chuyên viên quản lý hồ sơ cán bộ', department: 'Phòng Tổ chức cán bộ', classification: 'personnel', holders: [[3, 340]] },
  { unit: 'BVBM-TCCB', title: 'Văn thư lưu trữ tài liệu mật', department: 'Phòng Tổ chức cán bộ', classification: 'stateSecretSecret', holders: [[5, 500], [6, 200]] },
  { unit: 'BVBM-TCCB', title: 'Trưởng phòng Tổ chức cán bộ', department: 'Phòng Tổ chức cán bộ', classification: 'personnel', holders: [[0, 900]] },
  { unit: 'BVK', title: 'Phó Trưởng khoa phụ trách hồ sơ bệnh án mật', department: 'Khoa Nội 1', classification: 'stateSecretConfidential', holders: [[4, 60]] },
  { unit: 'BVK', title: 'Kế toán trưởng', department: 'Phòng Tài chính kế toán', classification: 'finance', holders: [[6, 700]] },
  { unit: 'BVK', title: 'Quản trị hệ thống công nghệ thông tin', department: 'Phòng Công nghệ thông tin', classification: 'itAdministration', holders: [[8, 420]], vacated: 25 },
  { unit: 'BVCR', title: 'Chuyên viên mua sắm, đấu thầu', department: 'Phòng Vật tư thiết bị', classification: 'procurement', holders: [[3, 380]] },
  { unit: 'BVCR', title: 'Thủ quỹ', department: 'Phòng Tài chính kế toán', classification: 'finance', requiresConclusion: false, holders: [[7, 260]] },
  { unit: 'CQLD', title: 'Chuyên viên quản lý hồ sơ cấp phép thuốc', department: 'Phòng Đăng ký thuốc', classification: 'stateSecretConfidential', holders: [[2, 300]] },
  { unit: 'CQLD', title: 'Quản trị cơ sở dữ liệu dược quốc gia', department: 'Văn phòng Cục', classification: 'itAdministration', holders: [[4, 150]] },
  { unit: 'VDD', title: 'Văn thư mật', department: 'Phòng Hành chính quản trị', classification: 'stateSecretConfidential', holders: [[5, 410]] },
  { unit: 'VDD', title: 'Kế toán trưởng', department: 'Phòng Tài chính kế toán', classification: 'finance', holders: [[6, 610]] },
]

/** Units with an appointed officer (the units of the kinds that need one, but three). */
const OFFICER_UNITS = [
  'BBVCTNB', 'VPB', 'VTCCB', 'VKHTC', 'TTB', 'CQLKCB', 'CQLD', 'CPB', 'BVBM', 'BVCR', 'BVVD', 'BVTWH', 'BVK', 'BVNTW', 'BVPTW', 'BVE', 'DHYHN-BV',
  'VVSDTTW', 'VDD', 'VPASTEUR', 'DHYHN', 'DHDHN',
]
/** Units with a second, part-time officer. */
const SECOND_OFFICER = new Set(['BVBM', 'BVCR', 'BVK', 'DHYHN', 'CQLKCB'])

/** The board's courses: ended `ended` days ago, `months` before today roughly, so the cycle (2 years) puts attendees in each status. */
const COURSES = [
  { title: 'Bồi dưỡng nghiệp vụ công tác bảo vệ chính trị nội bộ năm 2023', organizer: 'Ban Bảo vệ chính trị nội bộ Bộ Y tế', ended: 850, days: 3, hours: 24, form: 'inPerson' as const },
  { title: 'Tập huấn công tác bảo vệ chính trị nội bộ năm 2024 (đợt 1)', organizer: 'Ban Bảo vệ chính trị nội bộ Bộ Y tế', ended: 680, days: 2, hours: 16, form: 'blended' as const },
  { title: 'Tập huấn thực hiện Quy định 58-QĐ/TW và Quy định 296-QĐ/TW', organizer: 'Ban Tổ chức Trung ương phối hợp Ban BVCTNB Bộ Y tế', ended: 150, days: 2, hours: 16, form: 'online' as const },
]

const MATERIALS = [
  { kind: 'directive' as const, title: 'Toàn văn Công văn của Ban cán sự đảng', body: 'Toàn văn công văn chỉ đạo tăng cường công tác bảo vệ chính trị nội bộ trong các đơn vị thuộc Bộ Y tế (bản đã ban hành).' },
  { kind: 'guidance' as const, title: 'Hướng dẫn tổ chức quán triệt tại đơn vị', body: 'Các bước tổ chức quán triệt: (1) lập kế hoạch; (2) tổ chức hội nghị, mời toàn thể đảng viên, viên chức; (3) ghi biên bản, danh sách tham dự; (4) báo cáo kết quả về Ban BVCTNB qua BVCT.' },
  { kind: 'qa' as const, title: 'Hỏi đáp về bộ phận trọng yếu, cơ mật', body: 'Hỏi: Vị trí nào thuộc bộ phận trọng yếu, cơ mật?\nĐáp: Vị trí trực tiếp quản lý bí mật nhà nước, tài chính, tổ chức cán bộ, mua sắm, quản trị hệ thống thông tin theo danh mục đơn vị đã được phê duyệt.' },
]

/** Loads the registers, officers, training and materials (in `tx`); then runs the vetting job as of today. */
export async function loadDemoPositions(tx: Queryable, o: DemoFeatureInput): Promise<{ positions: number; officers: number; attendances: number; materials: number; alerts: number }> {
  const c = demoContext(tx, o)
  const thresholds = thresholdsOf(c.config)
  const deps: PositionDeps = { db: c.db, keys: o.keys, mailer: quietMailer, expiringDays: thresholds.expiringDays }
  const rule = { cycleMonths: thresholds.cycleMonths, dueDays: thresholds.dueDays }
  let k = 0

  // An old standards review, approved three years ago and expired a month ago (the cases' own steps).
  const caseDeps: CaseDeps = { db: c.db, keys: o.keys, appealDays: c.config.appealDays }
  let b = await c.as('board', 1180)
  let rv = await openCase(caseDeps, b.user, b.actor, {
    kind: 'standards_review', subjectType: 'person', subjectPersonId: o.refs.personId('BVCR', 3), purpose: 'keyPosition', requestingUnitId: o.refs.unitId('BVCR'), deadline: c.day(1130),
    note: 'Bệnh viện Chợ Rẫy đề nghị thẩm định tiêu chuẩn chính trị trước khi bố trí vào vị trí mua sắm, đấu thầu.',
  })
  const team = ['inspector', 'officer.bbvctnb', 'head.bbvctnb'].map(o.refs.accountId)
  const steps = [
    [1176, { step: 'screening', note: 'Hồ sơ đủ thành phần.' }],
    [1170, { step: 'verificationDecision', note: 'Quyết định thẩm tra, xác minh; tổ thẩm tra gồm 3 đồng chí.', teamAccountIds: team }],
    [1150, { step: 'verification', note: 'Kết quả xác minh phù hợp với bản tự khai.' }],
    [1145, { step: 'conclusion', outcome: 'meets', validUntil: c.day(30), note: 'Kết luận: đủ tiêu chuẩn chính trị để bố trí vào bộ phận trọng yếu.' }],
  ] as const
  for (const [daysAgo, step] of steps) {
    b = await c.as('board', daysAgo)
    rv = await recordStep(caseDeps, b.user, b.actor, rv.id, { ...step, doneOn: c.day(daysAgo) } as Parameters<typeof recordStep>[4])
  }
  await grantAccess(c.db, o.keys, b.user, b.actor, rv.id, { accountId: o.refs.accountId('committee') })
  b = await c.as('committee', 1142)
  await approveConclusion(caseDeps, b.user, b.actor, rv.id, rv.version)

  // Registers: each position entered when its first holder started (or a year ago), holders in order.
  for (const p of POSITIONS) {
    const officer = `officer.${p.unit.toLowerCase()}`
    const first = p.holders[0][1]
    let a = await c.as(officer, Math.min(first, 365), k++)
    let pos = (await createPosition(deps, a.user, a.actor, {
      unitId: o.refs.unitId(p.unit), title: p.title, department: p.department, classification: p.classification,
      requiresConclusion: p.requiresConclusion ?? true, reviewCycleMonths: null, note: '',
    })).body
    for (const [i, since] of p.holders) {
      a = await c.as(officer, Math.min(since, 365), k++)
      pos = await assignHolder(deps, a.user, a.actor, pos.id, { version: pos.version, personId: o.refs.personId(p.unit, i), from: c.day(since), isActing: false })
    }
    if (p.vacated) {
      a = await c.as(officer, p.vacated, k++)
      pos = await vacatePosition(deps, a.user, a.actor, pos.id, { version: pos.version, on: c.day(p.vacated) })
    }
  }

  // Officers: the unit's officer account's person, appointed by the unit's decision; a part-time second in some.
  let officers = 0
  const trainees: number[] = []
  for (const [n, unit] of OFFICER_UNITS.entries()) {
    const appointed = 400 + Math.floor(o.rng() * 900)
    const a = await c.as('board', Math.min(appointed, 365), n)
    const people = [o.refs.personId(unit, -1), ...(SECOND_OFFICER.has(unit) ? [o.refs.personId(unit, -2)] : [])]
    for (const [j, personId] of people.entries()) {
      await createOfficer(c.db, a.user, a.actor, {
        unitId: o.refs.unitId(unit), personId, role: j === 0 ? 'fullTime' : 'partTime', decisionNumber: `${100 + n * 3 + j}/QĐ-${unit.split('-')[0]}`,
        appointedOn: c.day(appointed - j * 120), until: null, note: '',
      }, rule)
      officers++
      trainees.push(personId)
    }
  }

  // Training: each officer's last course decides the status (overdue, due, current); a few have none.
  let attendances = 0
  const courseIds: { id: number; ended: number }[] = []
  for (const course of COURSES) {
    const a = await c.as('board', course.ended + course.days + 20, k++)
    const saved = (await createCourse(c.db, a.user, a.actor, {
      ownerUnitId: o.refs.unitId('BYT'), title: course.title, organizer: course.organizer, startsOn: c.day(course.ended + course.days - 1), endsOn: c.day(course.ended),
      hours: course.hours, form: course.form, note: '',
    })).body
    courseIds.push({ id: saved.id, ended: course.ended })
  }
  for (const [n, personId] of trainees.entries()) {
    // 0: none, 1: overdue (2023 only), 2: due (2024), 3: current (2026), 4: 2023 then 2026 (current).
    const plan = n % 9 === 4 ? [] : n % 4 === 0 ? [0] : n % 4 === 1 ? [1] : n % 4 === 2 ? [2] : [0, 2]
    for (const ci of plan) {
      const course = courseIds[ci]
      const a = await c.as('board', course.ended - 3, k++)
      await addAttendee(c.db, a.user, a.actor, course.id, { personId, result: o.rng() < 0.5 ? 'passed' : 'completed', completedOn: c.day(course.ended), certificateNumber: `CN-${ci + 1}-${String(n + 1).padStart(3, '0')}` })
      attendances++
    }
  }

  // Materials for the demo directive, kept by the board.
  const m = await c.as('board', 380, 0)
  for (const x of MATERIALS) await createTextMaterial(c.db, m.user, m.actor, o.directiveId, x)

  // The hourly vetting job as of now: re-reads every holder's standing and raises the alerts.
  const job = await runVettingJob({ db: c.db, keys: o.keys, mailer: quietMailer, thresholds }, c.today, o.now)
  return { positions: POSITIONS.length, officers, attendances, materials: MATERIALS.length, alerts: job.raised }
}
