// Inspection and supervision in the demo: the year's plan, drafted by the board and approved by the
// committee, carried out against it (items started, concluded, one dropped with its reason, one
// inspection added outside the plan); a concluded inspection with findings on two units and the
// directive's requirements, its conclusion notice issued, and corrective actions in every state
// (closed on time, closed late, reported done with evidence, returned, overdue, open in time); and
// two rounds of the self-inspection checklist, some units having submitted. Everything goes through
// the features' services: the board, the committee, the team's lead and the units' officers act on
// the days they would have, counted back from `now`.
import type { ConclusionInput, InspectionDto } from '../../../contract/inspections.ts'
import { grantRole } from '../../features/accounts/accounts.service.ts'
import { assignChecklist, createTemplate, saveAnswers, submitChecklist } from '../../features/inspections/checklists.service.ts'
import { issueConclusion, saveConclusion } from '../../features/inspections/conclusion.service.ts'
import { reportDone, returnCorrective, verifyCorrective } from '../../features/inspections/corrective-actions.service.ts'
import { addCorrectiveFile, addInspectionFile } from '../../features/inspections/files.service.ts'
import { createFinding } from '../../features/inspections/findings.service.ts'
import { addPlanItem, approvePlan, createPlan, dropPlanItem, submitPlan } from '../../features/inspections/inspection-plans.service.ts'
import { advancePhase, createInspection, extendInspection, type InspectionDeps } from '../../features/inspections/inspections.service.ts'
import { answerItem, createRequest, recordSession, reviewItem, submitSelfReport } from '../../features/inspections/unit-work.service.ts'
import { addDays, daysBetween } from '../../lib/dates.ts'
import type { Queryable } from '../types.ts'
import { demoContext, quietMailer, type DemoFeatureInput } from './demo-context.ts'

/** The board's officers who sit on inspection teams beside the `inspector` account. */
const EXTRA_INSPECTORS = ['officer.bbvctnb', 'head.bbvctnb']
/** The plan is approved this many days before today (fewer early in the year: the timeline shrinks to fit the year). */
const APPROVED = 300
/** Before this day of the year there is too little of it: the demo shows last year's plan. */
const SHORT_YEAR = 60

const officerOf = (code: string) => `officer.${code.toLowerCase()}`
const txt = (s: string) => ({ filename: s, bytes: Buffer.from(`Tài liệu minh chứng: ${s}\n`) })

export interface DemoInspectionCounts {
  planItems: number
  inspections: number
  findings: number
  correctiveActions: number
  checklistAssignments: number
}

/** Loads the plan, the inspections, their corrective actions and the checklist rounds (in `tx`). */
export async function loadDemoInspections(tx: Queryable, o: DemoFeatureInput): Promise<DemoInspectionCounts> {
  const c = demoContext(tx, o)
  const deps: InspectionDeps = { db: c.db, mailer: quietMailer, rules: c.config.inspectionRules }
  const quota = c.config.evidenceQuotaBytes
  const unit = o.refs.unitId
  const reqs = (await tx.query<{ id: number }>('SELECT id FROM requirement WHERE directive_id = $1 ORDER BY parent_id NULLS FIRST, ordinal, id', [o.directiveId])).map((r) => r.id)
  // This year's plan: its timeline, laid out for a year well under way, shrinks to the days gone by
  // (rounding keeps the order of events); in the first weeks of a year, last year's plan instead.
  const dayOfYear = daysBetween(c.today.slice(0, 4) + '-01-01', c.today)
  const shrink = dayOfYear < SHORT_YEAR ? 1 : Math.min(1, (dayOfYear - 5) / (APPROVED + 30))
  const sc = (daysAgo: number) => Math.round(daysAgo * shrink)
  const day = (daysAgo: number) => c.day(sc(daysAgo))
  let k = 0
  const as = (username: string, daysAgo: number) => c.as(username, sc(daysAgo), k++ % 400)
  const counts: DemoInspectionCounts = { planItems: 0, inspections: 0, findings: 0, correctiveActions: 0, checklistAssignments: 0 }

  // The board's own officers join the inspectors (a role the administrator grants).
  for (const username of EXTRA_INSPECTORS) {
    const a = await as('admin', APPROVED + 30)
    await grantRole(c.db, a.user, a.actor, o.refs.accountId(username), { role: 'inspector', unitId: unit('BYT') })
  }
  const lead = o.refs.accountId('inspector')
  const team = [{ accountId: lead, role: 'lead' as const }, ...EXTRA_INSPECTORS.map((u) => ({ accountId: o.refs.accountId(u), role: 'member' as const }))]

  // ---- the plan
  const year = Number(day(APPROVED).slice(0, 4))
  let a = await as('board', APPROVED + 20)
  let plan = (await createPlan(c.db, a.user, a.actor, { year, title: `Kế hoạch kiểm tra, giám sát năm ${year} của Ban cán sự đảng Bộ Y tế` })).body
  const item = (title: string, codes: string[], form: { kind: 'inspection' | 'supervision'; mode: 'regular' | 'thematic'; method: 'direct' | 'documents' }, when: { plannedMonth?: number; plannedQuarter?: number }, topics = true) => ({
    title, content: '', unitIds: codes.map(unit), ...form, ...when, directiveIds: topics ? [o.directiveId] : [], requirementIds: topics ? reqs.slice(0, 2) : [], leadAccountId: lead,
  })
  const ITEMS = [
    item('Kiểm tra việc thực hiện Công văn về bảo vệ chính trị nội bộ tại Bệnh viện Bạch Mai và Bệnh viện Chợ Rẫy', ['BVBM', 'BVCR'], { kind: 'inspection', mode: 'thematic', method: 'direct' }, { plannedMonth: 3 }),
    item('Giám sát chuyên đề công tác bảo vệ bí mật nhà nước tại Bệnh viện K', ['BVK'], { kind: 'supervision', mode: 'thematic', method: 'documents' }, { plannedQuarter: 2 }),
    item('Giám sát thường xuyên Bệnh viện Trung ương Huế', ['BVTWH'], { kind: 'supervision', mode: 'regular', method: 'documents' }, { plannedMonth: 5 }, false),
    item('Kiểm tra công tác bảo vệ chính trị nội bộ tại Viện Dinh dưỡng', ['VDD'], { kind: 'inspection', mode: 'thematic', method: 'direct' }, { plannedQuarter: 4 }),
    item('Kiểm tra việc quản lý bộ phận trọng yếu, cơ mật tại Trường Đại học Y Hà Nội', ['DHYHN'], { kind: 'inspection', mode: 'thematic', method: 'direct' }, { plannedQuarter: 4 }),
    item('Giám sát thường xuyên Cục Quản lý Dược', ['CQLD'], { kind: 'supervision', mode: 'regular', method: 'documents' }, { plannedQuarter: 3 }, false),
  ]
  for (const it of ITEMS) {
    a = await as('board', APPROVED + 15)
    plan = (await addPlanItem(c.db, a.user, a.actor, plan.id, it)).body
  }
  counts.planItems = ITEMS.length
  a = await as('board', APPROVED + 10)
  plan = await submitPlan(c.db, a.user, a.actor, plan.id, plan.version)
  a = await as('committee', APPROVED)
  plan = await approvePlan({ db: c.db, mailer: quietMailer }, a.user, a.actor, plan.id, plan.version)
  const itemId = (n: number) => plan.planItems[n].id

  /** Opens an inspection on `decided` days ago, starting two days later. */
  const open = async (decided: number, input: { planItemId?: number; title?: string; unitIds?: number[]; kind?: 'inspection' | 'supervision'; mode?: 'regular' | 'thematic'; method?: 'direct' | 'documents'; small?: boolean }) => {
    const b = await as('board', decided)
    const { small, ...rest } = input
    const i = (await createInspection(deps, b.user, b.actor, {
      ...rest, level: 'central', decisionDate: day(decided), startDate: day(decided - 2), periodFrom: `${year - 3}-01-01`, periodTo: `${year - 1}-12-31`,
      team: small ? team.slice(0, 1) : team,
    })).body
    counts.inspections++
    return i
  }
  const phase = async (i: InspectionDto, to: 'conduct' | 'closing', daysAgo: number) => {
    const b = await as('board', daysAgo)
    return advancePhase(deps, b.user, b.actor, i.id, { version: i.version, phase: to, on: day(daysAgo) })
  }
  const finding = async (i: InspectionDto, daysAgo: number, code: string, kind: 'strength' | 'shortcoming' | 'violation', text: string, requirementId: number | null = null) => {
    const b = await as('inspector', daysAgo)
    counts.findings++
    return (await createFinding(c.db, b.user, b.actor, i.id, { unitId: unit(code), requirementId, kind, text, evidenceFileIds: [] })).body.id
  }
  /** The suggested draft, with what the team writes, saved by the lead and issued by the committee. */
  const conclude = async (i: InspectionDto, daysAgo: number, causes: string, mustCorrect: ConclusionInput['mustCorrect']) => {
    const draft = i.conclusion!
    const input: ConclusionInput = {
      version: draft.version, header: draft.header, overview: draft.overview, strengths: draft.strengths, shortcomings: draft.shortcomings, causes, mustCorrect,
      recommendations: draft.recommendations, distribution: draft.distribution, signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' },
    }
    let b = await as('inspector', daysAgo + 2)
    const saved = await saveConclusion(deps, b.user, b.actor, i.id, input)
    b = await as('committee', daysAgo)
    const issued = await issueConclusion(deps, b.user, b.actor, i.id, { version: saved.conclusion!.version, issuedOn: day(daysAgo) })
    counts.correctiveActions += issued.correctiveActionIds.length
    return issued
  }

  // ---- 1. The inspection of Bạch Mai and Chợ Rẫy, from the plan: concluded, its corrective actions in every state.
  let i1 = await open(270, { planItemId: itemId(0) })
  i1 = await phase(i1, 'conduct', 268)
  a = await as('inspector', 266)
  i1 = (await createRequest(deps, a.user, a.actor, i1.id, { unitId: unit('BVBM'), dueDate: day(256), note: 'Đề nghị gửi trước buổi làm việc', items: ['Quy chế bảo vệ bí mật nhà nước của bệnh viện', 'Sổ theo dõi văn bản mật năm gần nhất', 'Danh sách vị trí trọng yếu, cơ mật'] })).body
  const request = i1.requests[0]
  a = await as(officerOf('BVBM'), 259)
  const file = await addInspectionFile(c.db, a.user, a.actor, i1.id, unit('BVBM'), txt('quy-che-bao-ve-bi-mat.txt'), quota)
  for (const [n, it] of request.items.entries()) {
    i1 = await answerItem(deps, a.user, a.actor, it.id, { version: it.version, note: n === 1 ? 'Sổ năm 2025 đang cập nhật' : 'Gửi kèm bản chụp', fileIds: n === 0 ? [file.id] : [] })
  }
  a = await as('inspector', 257)
  for (const [n, it] of i1.requests[0].items.entries()) {
    i1 = await reviewItem(deps, a.user, a.actor, it.id, n === 1 ? { version: it.version, decision: 'askAgain', comment: 'Thiếu sổ năm 2025' } : { version: it.version, decision: 'received', comment: '' })
  }
  a = await as(officerOf('BVBM'), 255)
  i1 = await submitSelfReport(deps, a.user, a.actor, i1.id, unit('BVBM'), { version: 1, summary: 'Bệnh viện đã tự kiểm tra các nội dung theo đề cương của đoàn.', fileIds: [file.id] })
  a = await as('inspector', 250)
  i1 = (await recordSession(deps, a.user, a.actor, i1.id, { unitId: unit('BVBM'), heldOn: day(250), place: 'Bệnh viện Bạch Mai', participants: ['Đoàn kiểm tra', 'Ban Giám đốc bệnh viện', 'Phòng Tổ chức cán bộ'], note: 'Làm việc với Ban Giám đốc về kết quả tự kiểm tra', minutesFileId: null })).body
  await finding(i1, 245, 'BVBM', 'strength', 'Đơn vị quán triệt công văn đến 100% chi bộ, có kế hoạch thực hiện cụ thể.')
  const fBm1 = await finding(i1, 245, 'BVBM', 'shortcoming', 'Quy chế bảo vệ bí mật nhà nước chưa cập nhật theo quy định mới.', reqs[0])
  const fBm2 = await finding(i1, 244, 'BVBM', 'shortcoming', 'Danh sách vị trí trọng yếu, cơ mật chưa được rà soát hằng năm.', reqs[1])
  await finding(i1, 243, 'BVCR', 'strength', 'Đơn vị báo cáo kết quả quán triệt đầy đủ, đúng hạn.')
  const fCr1 = await finding(i1, 243, 'BVCR', 'shortcoming', 'Sổ theo dõi văn bản mật ghi chép chưa đầy đủ.', reqs[0])
  const fCr2 = await finding(i1, 242, 'BVCR', 'shortcoming', 'Chưa phân công cán bộ làm công tác bảo vệ chính trị nội bộ bằng văn bản.', reqs[1])
  const fCr3 = await finding(i1, 242, 'BVCR', 'shortcoming', 'Trang thông tin điện tử chưa có quy chế duyệt tin bài.')
  i1 = await phase(i1, 'closing', 235)
  i1 = await conclude(i1, 232, 'Cấp ủy, lãnh đạo đơn vị chưa quan tâm đúng mức đến việc rà soát, cập nhật quy chế.', [
    { unitId: unit('BVBM'), findingId: fBm1, requirementId: reqs[0], title: 'Ban hành lại quy chế bảo vệ bí mật nhà nước', dueDate: day(170) },
    { unitId: unit('BVBM'), findingId: fBm2, requirementId: reqs[1], title: 'Rà soát danh sách vị trí trọng yếu, cơ mật', dueDate: day(-20) },
    { unitId: unit('BVBM'), findingId: null, requirementId: null, title: 'Tổ chức tập huấn nghiệp vụ bảo vệ bí mật nhà nước cho văn thư các khoa', dueDate: day(-60) },
    { unitId: unit('BVCR'), findingId: fCr1, requirementId: reqs[0], title: 'Hoàn thiện sổ theo dõi văn bản mật', dueDate: day(150) },
    { unitId: unit('BVCR'), findingId: fCr2, requirementId: reqs[1], title: 'Ban hành quyết định phân công cán bộ làm công tác bảo vệ chính trị nội bộ', dueDate: day(-30) },
    { unitId: unit('BVCR'), findingId: fCr3, requirementId: null, title: 'Ban hành quy chế duyệt tin bài trên trang thông tin điện tử', dueDate: day(40) },
  ])
  const [caClosed, caReported, , caLate, caReturned] = i1.correctiveActionIds
  const report = async (id: number, code: string, daysAgo: number, note: string) => {
    const b = await as(officerOf(code), daysAgo)
    await addCorrectiveFile(c.db, b.user, b.actor, id, txt(`minh-chung-${id}.txt`), quota)
    const version = (await tx.query<{ version: number }>('SELECT version FROM corrective_action WHERE id = $1', [id]))[0].version
    return reportDone(c.db, b.user, b.actor, id, { version, completedOn: day(daysAgo), note })
  }
  const verify = async (id: number, version: number, daysAgo: number) => {
    const b = await as('board', daysAgo)
    return verifyCorrective({ db: c.db, mailer: quietMailer }, b.user, b.actor, id, { version, note: 'Đã kiểm tra minh chứng, đạt yêu cầu.' })
  }
  let ca = await report(caClosed, 'BVBM', 180, 'Đã ban hành quy chế mới kèm theo quyết định.')
  await verify(caClosed, ca.version, 176)
  ca = await report(caLate, 'BVCR', 125, 'Đã hoàn thiện sổ theo dõi văn bản mật.')
  await verify(caLate, ca.version, 121)
  ca = await report(caReturned, 'BVCR', 20, 'Đã dự thảo quyết định phân công.')
  a = await as('board', 15)
  await returnCorrective({ db: c.db, mailer: quietMailer }, a.user, a.actor, caReturned, { version: ca.version, comment: 'Mới là dự thảo; đề nghị gửi quyết định đã ký ban hành.' })
  await report(caReported, 'BVBM', 5, 'Đã rà soát, cập nhật danh sách vị trí trọng yếu, cơ mật.')

  // ---- 2. Regular supervision of Huế by documents, from the plan: concluded, its one action closed on time.
  let i2 = await open(150, { planItemId: itemId(2), small: true })
  i2 = await phase(i2, 'conduct', 147)
  await finding(i2, 130, 'BVTWH', 'strength', 'Đơn vị thực hiện nghiêm chế độ báo cáo định kỳ.')
  await finding(i2, 130, 'BVTWH', 'shortcoming', 'Hồ sơ quán triệt một số khoa còn thiếu danh sách tham dự.')
  i2 = await phase(i2, 'closing', 126)
  i2 = await conclude(i2, 123, 'Việc lưu trữ hồ sơ quán triệt chưa thống nhất giữa các khoa.', [
    { unitId: unit('BVTWH'), findingId: null, requirementId: null, title: 'Bổ sung danh sách tham dự vào hồ sơ quán triệt các khoa', dueDate: day(60) },
  ])
  ca = await report(i2.correctiveActionIds[0], 'BVTWH', 72, 'Đã bổ sung đầy đủ danh sách tham dự.')
  await verify(i2.correctiveActionIds[0], ca.version, 69)

  // ---- 3. The supervision of Bệnh viện K: under way, documents asked, its deadline extended once.
  let i3 = await open(72, { planItemId: itemId(1) })
  i3 = await phase(i3, 'conduct', 68)
  a = await as('inspector', 66)
  i3 = (await createRequest(deps, a.user, a.actor, i3.id, { unitId: unit('BVK'), dueDate: day(52), note: '', items: ['Báo cáo tự kiểm tra công tác bảo vệ bí mật nhà nước', 'Danh mục bí mật nhà nước của đơn vị'] })).body
  a = await as(officerOf('BVK'), 55)
  i3 = await answerItem(deps, a.user, a.actor, i3.requests[0].items[0].id, { version: i3.requests[0].items[0].version, note: 'Gửi kèm báo cáo', fileIds: [] })
  await finding(i3, 30, 'BVK', 'strength', 'Đơn vị có danh mục bí mật nhà nước được phê duyệt.')
  a = await as('board', 14)
  const deadline = i3.deadline
  i3 = await extendInspection(deps, a.user, a.actor, i3.id, { version: i3.version, newDeadline: addDays(deadline, 20), reason: 'Đơn vị đề nghị thêm thời gian cung cấp tài liệu bổ sung', decisionNumber: `${140 + (k % 50)}-QĐ/BCSĐ`, decisionDate: day(14) })

  // ---- 4. The inspection of Viện Dinh dưỡng: just decided, in preparation.
  await open(20, { planItemId: itemId(3) })

  // ---- 5. The supervision of Cục Quản lý Dược will not take place: dropped, with the reason.
  a = await as('board', 100)
  const dropped = plan.planItems[5]
  await dropPlanItem(c.db, a.user, a.actor, dropped.id, { version: dropped.version, reason: 'Cục đã được Thanh tra Bộ kiểm tra cùng nội dung trong năm; tránh chồng chéo.' })

  // ---- 6. Outside the plan: an inspection of Bệnh viện E after a report about its website.
  let i6 = await open(45, {
    title: 'Kiểm tra đột xuất công tác quản lý trang thông tin điện tử tại Bệnh viện E', unitIds: [unit('BVE')], kind: 'inspection', mode: 'thematic', method: 'direct',
  })
  i6 = await phase(i6, 'conduct', 40)
  await finding(i6, 25, 'BVE', 'shortcoming', 'Tài khoản quản trị trang thông tin dùng chung, chưa bật xác thực hai lớp.')

  // ---- Self-inspection: a checklist template, two rounds; some units submit (a "no" becomes a finding and a corrective action).
  a = await as('board', 210)
  const template = (await createTemplate(c.db, a.user, a.actor, {
    title: 'Bảng tự kiểm tra công tác bảo vệ chính trị nội bộ', description: 'Đơn vị tự đánh giá việc chấp hành quy định về văn bản, bí mật nhà nước và quy chế của đơn vị.',
    items: [
      { area: 'documents', text: 'Đơn vị có sổ theo dõi, quản lý văn bản đi, đến được cập nhật đầy đủ', requirementId: null },
      { area: 'stateSecrets', text: 'Đơn vị có quy chế bảo vệ bí mật nhà nước còn hiệu lực', requirementId: null },
      { area: 'stateSecrets', text: 'Tài liệu mật được lưu giữ trong tủ có khóa, có sổ giao nhận', requirementId: null },
      { area: 'unitRules', text: 'Quy chế làm việc của đơn vị quy định trách nhiệm bảo vệ chính trị nội bộ', requirementId: null },
      { area: 'directive', text: 'Đơn vị đã tổ chức quán triệt công văn đến toàn thể đảng viên', requirementId: reqs[0] ?? null },
    ],
  })).body
  const rounds = [
    { assigned: 200, due: 170, title: 'Tự kiểm tra 6 tháng đầu năm', units: ['BVBM', 'BVCR', 'BVK', 'VDD', 'DHYHN', 'BVE', 'CQLKCB', 'VPASTEUR'], submit: [['BVBM', 180], ['BVCR', 175], ['BVK', 168], ['DHYHN', 172], ['CQLKCB', 160]] as [string, number][] },
    { assigned: 25, due: -20, title: 'Tự kiểm tra 6 tháng cuối năm', units: ['BVBM', 'BVCR', 'BVK', 'VDD', 'BVTWH', 'DHDHN'], submit: [['BVK', 6], ['DHDHN', 3]] as [string, number][] },
  ]
  for (const r of rounds) {
    a = await as('board', r.assigned)
    const assigned = (await assignChecklist({ db: c.db, mailer: quietMailer }, a.user, a.actor, template.id, { unitIds: r.units.map(unit), dueDate: day(r.due), title: r.title, correctWithinDays: 30 })).body.items
    counts.checklistAssignments += assigned.length
    for (const [code, daysAgo] of r.submit) {
      const row = assigned.find((x) => x.unitId === unit(code))!
      const b = await as(officerOf(code), daysAgo)
      const answers = template.items.map((it, n) => ({
        itemId: it.id, answer: (n === 2 && o.rng() < 0.6 ? 'no' : n === 3 && o.rng() < 0.3 ? 'na' : 'yes') as 'yes' | 'no' | 'na',
        note: n === 2 ? 'Tủ đựng tài liệu mật tại một số khoa chưa có khóa riêng' : '', evidenceFileIds: [],
      }))
      const savedAnswers = await saveAnswers(c.db, b.user, b.actor, row.id, { version: row.version, answers })
      // The officer fills it in; the head submits it.
      const h = await as(`head.${code.toLowerCase()}`, daysAgo)
      const submitted = await submitChecklist(c.db, h.user, h.actor, row.id, savedAnswers.version)
      counts.correctiveActions += submitted.items.filter((x) => x.correctiveActionId !== null).length
    }
  }
  return counts
}

