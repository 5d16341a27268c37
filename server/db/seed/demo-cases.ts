// Confidential cases in the demo: standards reviews and violation cases at every step, the board's
// named group, a committee member asked to approve, subjects who see their notices, one break-glass.
// Everything goes through the cases services inside the demo's one transaction, so content is
// sealed, listed and audited exactly as a running server does it. Dates count back from `now`;
// events run oldest first, in office hours, so case numbers and the audit chain follow the calendar.
// Names are invented (the register's come from the demo's name generator).
import type { CaseDto, CaseStepInput, CreateCaseInput } from '../../../contract/cases.ts'
import { changeGroupMember, createGroup, grantAccess } from '../../features/cases/case-access.service.ts'
import { submitToNotice } from '../../features/cases/case-notices.service.ts'
import { addRequest, recordReply } from '../../features/cases/case-requests.service.ts'
import { approveConclusion, breakGlass, openCase, readCase, recordStep, type CaseDeps } from '../../features/cases/cases.service.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { addDays, vnDay, type IsoDay } from '../../lib/dates.ts'
import type { Keyring } from '../../lib/keyring.ts'
import type { Db, Queryable } from '../types.ts'
import { userFor } from './builders.ts'
import { addMinutes, officeTime } from './scale/dates.ts'

/** The board's named groups: the demo has the first; the scale generator both. */
export const CASE_GROUPS = { standards_review: 'Ban BVCTNB — tổ thẩm định tiêu chuẩn chính trị', violation: 'Ban BVCTNB — tổ xử lý vi phạm' } as const
const OWNER = 'board'
const BOARD_HEAD = 'head.bbvctnb'
const GROUP_MEMBERS = [BOARD_HEAD, 'board', 'officer.bbvctnb', 'inspector']
/** The verification team of every review that gets that far (at least three, never an administrator). */
const TEAM = ['inspector', 'officer.bbvctnb', BOARD_HEAD]
/** Where each demo account works from, for the cases' access history. */
const IP: Record<string, string> = {
  board: '10.10.1.21', [BOARD_HEAD]: '10.10.1.11', 'officer.bbvctnb': '10.10.1.22', inspector: '10.10.1.23', committee: '10.10.0.5', staff: '10.20.5.114', 'staff.cr': '10.30.2.87',
}

export interface DemoCaseRefs {
  accountId(username: string): number
  /** The person behind a demo account (the subject of a case who answers in BVCT). */
  personOf(username: string): number
  /** The i-th person of a demo unit. */
  personId(unitCode: string, i: number): number
  unitId(code: string): number
}

type StepBody = CaseStepInput extends infer T ? (T extends unknown ? Omit<T, 'doneOn'> & { note: string } : never) : never
type OpenInput = CreateCaseInput & { subjectType: 'person' | 'organization'; note: string }
type Act =
  | { do: 'createGroup' }
  | { do: 'open'; input: OpenInput }
  | { do: 'grant'; account?: string }
  | { do: 'step'; input: StepBody }
  | { do: 'request'; agency: string; asked: string; dueDate: IsoDay }
  | { do: 'reply'; request: number; reply: string }
  | { do: 'approve' }
  | { do: 'answer'; body: string }
  | { do: 'read' }
  | { do: 'breakGlass'; reason: string }
interface DemoEvent {
  daysAgo: number
  as: string
  act: Act
}

const at = (daysAgo: number, as: string, act: Act): DemoEvent => ({ daysAgo, as, act })
const open = (daysAgo: number, input: OpenInput) => at(daysAgo, OWNER, { do: 'open', input })
const step = (daysAgo: number, input: StepBody, as = OWNER) => at(daysAgo, as, { do: 'step', input })
/** An account on the case's list; without one, the review team's group. */
const grant = (daysAgo: number, account?: string) => at(daysAgo, OWNER, { do: 'grant', account })
const request = (daysAgo: number, agency: string, asked: string, dueDate: IsoDay) => at(daysAgo, OWNER, { do: 'request', agency, asked, dueDate })
const reply = (daysAgo: number, index: number, text: string) => at(daysAgo, OWNER, { do: 'reply', request: index, reply: text })

/** 15/03/2026: how a date reads in a Vietnamese letter. */
const vnDate = (d: IsoDay) => d.split('-').reverse().join('/')

/** The cases, each its events in order; `d(n)` is the day n days before today (negative: after). */
function demoCases(d: (daysAgo: number) => IsoDay, r: DemoCaseRefs, team: number[]): DemoEvent[][] {
  type Details = Omit<OpenInput, 'kind' | 'subjectType' | 'subjectPersonId' | 'subjectName'>
  /** A review is opened with the review team's group on its list. */
  const review = (daysAgo: number, subject: Pick<OpenInput, 'subjectPersonId' | 'subjectName'>, o: Details) =>
    [open(daysAgo, { kind: 'standards_review', subjectType: 'person', ...subject, ...o }), grant(daysAgo)]
  const violation = (daysAgo: number, subject: Pick<OpenInput, 'subjectPersonId' | 'subjectName' | 'subjectType'>, o: Details) => open(daysAgo, { kind: 'violation', ...subject, ...o })
  const verify = (daysAgo: number, note: string) => step(daysAgo, { step: 'verificationDecision', note, teamAccountIds: team })
  const approval = (daysAgo: number) => [grant(daysAgo, 'committee'), at(daysAgo - 3, 'committee', { do: 'approve' })]
  return [
    // Standards reviews (Regulation 58), oldest first. Approved a year ago; the conclusion expires within 90 days.
    [
      ...review(400, { subjectPersonId: r.personId('BVBM-TCCB', 3) }, {
        purpose: 'keyPosition', requestingUnitId: r.unitId('BVBM'), deadline: d(355),
        note: 'Bệnh viện Bạch Mai đề nghị thẩm định tiêu chuẩn chính trị trước khi bố trí làm việc tại bộ phận quản lý hồ sơ cán bộ (bộ phận trọng yếu).',
      }),
      step(396, { step: 'screening', note: 'Hồ sơ gồm bản tự khai lý lịch, nhận xét của chi bộ và của thủ trưởng đơn vị: đủ thành phần.' }),
      verify(392, 'Quyết định thẩm tra, xác minh số 41-QĐ/BBVCTNB; tổ thẩm tra gồm 3 đồng chí.'),
      step(375, { step: 'verification', note: 'Đã đối chiếu hồ sơ gốc và làm việc với chi bộ nơi sinh hoạt; không phát sinh nội dung cần làm rõ.' }),
      step(370, { step: 'conclusion', outcome: 'meets', validUntil: d(-60), note: 'Kết luận: đủ tiêu chuẩn chính trị để bố trí vào bộ phận trọng yếu.' }),
      ...approval(368),
    ],
    // Approved two months ago, with conditions; one request to another agency, answered.
    [
      ...review(95, { subjectPersonId: r.personId('BVK', 4) }, {
        purpose: 'appointment', requestingUnitId: r.unitId('BVK'), deadline: d(35),
        note: 'Bệnh viện K đề nghị thẩm định tiêu chuẩn chính trị đối với đồng chí dự kiến bổ nhiệm Phó Trưởng khoa.',
      }),
      step(92, { step: 'screening', note: 'Hồ sơ đủ thành phần; bản kê khai quá trình công tác giai đoạn 2016–2020 cần xác minh.' }),
      verify(88, 'Quyết định thẩm tra, xác minh số 57-QĐ/BBVCTNB.'),
      request(88, 'Trung tâm Y tế huyện nơi đồng chí công tác trước đây', 'Đề nghị cung cấp nhận xét quá trình công tác giai đoạn 2016–2020.', d(74)),
      reply(80, 0, 'Đã gửi bản nhận xét quá trình công tác; không có nội dung ảnh hưởng đến tiêu chuẩn chính trị.'),
      step(70, { step: 'verification', note: 'Kết quả xác minh phù hợp với bản tự khai.' }),
      step(64, { step: 'conclusion', outcome: 'meetsWithConditions', validUntil: d(-730), note: 'Kết luận: đủ tiêu chuẩn chính trị; đề nghị đơn vị hướng dẫn đồng chí bổ sung bản kê khai còn thiếu trong hồ sơ đảng viên.' }),
      ...approval(63),
    ],
    // Verification under way: one request answered, one overdue, one pending.
    [
      ...review(60, { subjectPersonId: r.personId('VDD', 5) }, {
        purpose: 'planning', requestingUnitId: r.unitId('VDD'), deadline: d(-12),
        note: 'Viện Dinh dưỡng đề nghị thẩm định tiêu chuẩn chính trị đối với đồng chí được giới thiệu vào quy hoạch chức danh Trưởng phòng.',
      }),
      step(57, { step: 'screening', note: 'Hồ sơ đủ thành phần.' }),
      verify(52, 'Quyết định thẩm tra, xác minh số 63-QĐ/BBVCTNB.'),
      request(51, 'Công an phường nơi cư trú', 'Đề nghị xác nhận nội dung bản tự khai lý lịch.', d(37)),
      reply(38, 0, 'Nội dung bản tự khai lý lịch phù hợp với hồ sơ quản lý cư trú.'),
      request(40, 'Đơn vị công tác cũ (viện nghiên cứu thuộc Bộ)', 'Đề nghị cung cấp nhận xét quá trình công tác và kết quả đánh giá, xếp loại hằng năm.', d(9)),
      request(7, 'Chi ủy nơi cư trú', 'Đề nghị nhận xét việc chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước tại nơi cư trú.', d(-8)),
      step(3, { step: 'verification', note: 'Đã làm việc với đơn vị và với người được thẩm định; còn chờ kết quả của hai cơ quan phối hợp (đã nhắc lần hai).' }),
      at(2, 'inspector', { do: 'read' }),
    ],
    // Concluded, waiting for the committee's approval: the committee account is on its list.
    [
      ...review(48, { subjectPersonId: r.personId('CQLD', 2) }, {
        purpose: 'election', requestingUnitId: r.unitId('VTCCB'), deadline: d(-9),
        note: 'Vụ Tổ chức cán bộ đề nghị thẩm định tiêu chuẩn chính trị đối với đồng chí được giới thiệu ứng cử vào cấp ủy nhiệm kỳ tới.',
      }),
      step(45, { step: 'screening', note: 'Hồ sơ đủ thành phần.' }),
      verify(41, 'Quyết định thẩm tra, xác minh số 66-QĐ/BBVCTNB.'),
      request(40, 'Chi ủy nơi cư trú', 'Đề nghị nhận xét việc thực hiện nghĩa vụ công dân tại nơi cư trú.', d(26)),
      reply(28, 0, 'Chấp hành tốt chủ trương, chính sách, pháp luật và quy định của địa phương.'),
      step(20, { step: 'verification', note: 'Kết quả xác minh phù hợp với hồ sơ.' }),
      step(6, { step: 'conclusion', outcome: 'meets', validUntil: d(-1095), note: 'Kết luận: đủ tiêu chuẩn chính trị để giới thiệu ứng cử. Trình Ban cán sự đảng phê duyệt.' }),
      grant(5, 'committee'),
      at(4, 'committee', { do: 'read' }),
    ],
    // Screening, past its deadline.
    [
      ...review(34, { subjectPersonId: r.personId('DHDHN', 7) }, {
        purpose: 'partyAdmission', requestingUnitId: r.unitId('DHDHN'), deadline: d(4),
        note: 'Đảng ủy Trường Đại học Dược Hà Nội đề nghị thẩm định lý lịch người vào Đảng.',
      }),
      step(29, { step: 'screening', note: 'Còn thiếu bản nhận xét của đoàn thể nơi công tác; đã đề nghị đơn vị bổ sung.' }),
    ],
    // Just received; the subject is named as written (not in the register).
    [
      ...review(2, { subjectName: 'Phan Thị Thu Trang' }, {
        purpose: 'appointment', requestingUnitId: r.unitId('VTCCB'), deadline: d(-28),
        note: 'Vụ Tổ chức cán bộ đề nghị thẩm định tiêu chuẩn chính trị đối với đồng chí dự kiến tiếp nhận, bổ nhiệm từ ngoài ngành (công văn số 215/TCCB kèm hồ sơ).',
      }),
    ],

    // Violation cases (due process). Closed: a party cell reprimanded, no appeal.
    [
      violation(200, { subjectType: 'organization', subjectName: 'Chi bộ Phòng Vật tư - Thiết bị y tế' }, {
        purpose: 'finding', deadline: d(110), note: 'Từ kết luận kiểm tra: chi bộ chưa thực hiện đúng quy định về quản lý, lưu trữ tài liệu mật.',
      }),
      step(195, { step: 'subjectNotified', dueDate: d(181), note: `Đề nghị chi bộ tổ chức kiểm điểm và gửi báo cáo giải trình về Ban Bảo vệ chính trị nội bộ trước ngày ${vnDate(d(181))}.` }),
      step(185, { step: 'explanationReceived', note: 'Chi bộ đã kiểm điểm, gửi báo cáo giải trình và biên bản họp chi bộ.' }),
      step(170, { step: 'verification', note: 'Đối chiếu biên bản kiểm tra với báo cáo giải trình: vi phạm ở mức ít nghiêm trọng, đã khắc phục một phần.' }),
      step(160, {
        step: 'decision', form: 'reprimand', basis: 'Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm.', issuingBody: 'Ban Thường vụ Đảng ủy cơ sở',
        note: 'Quyết định thi hành kỷ luật bằng hình thức khiển trách đối với chi bộ. Chi bộ có quyền khiếu nại trong thời hạn quy định.',
      }),
      step(125, { step: 'closed', note: 'Hết thời hạn khiếu nại, không có khiếu nại; chi bộ đã khắc phục xong. Kết thúc hồ sơ.' }),
    ],
    // A decision with the appeal window open; a committee member opened it by break-glass.
    [
      violation(75, { subjectType: 'person', subjectPersonId: r.personId('DHYHN', 9) }, {
        purpose: 'notice', deadline: d(-15), note: 'Tin báo: sử dụng máy tính có kết nối Internet để soạn thảo, lưu giữ tài liệu có nội dung mật.',
      }),
      step(70, { step: 'subjectNotified', dueDate: d(60), note: `Đề nghị đồng chí gửi bản giải trình về Ban Bảo vệ chính trị nội bộ trước ngày ${vnDate(d(60))}.` }),
      step(58, { step: 'explanationReceived', note: 'Đã nhận bản giải trình (bản giấy) và biên bản kiểm điểm tại chi bộ.' }),
      step(40, { step: 'verification', note: 'Cùng bộ phận công nghệ thông tin kiểm tra thiết bị: có ba tài liệu mật lưu trên máy tính kết nối Internet.' }),
      step(8, {
        step: 'decision', form: 'reprimand', basis: 'Quy định số 69-QĐ/TW; Quy chế bảo vệ bí mật nhà nước của đơn vị.', issuingBody: 'Chi bộ nơi đảng viên sinh hoạt',
        note: 'Quyết định thi hành kỷ luật bằng hình thức khiển trách. Đồng chí có quyền khiếu nại trong thời hạn quy định kể từ ngày nhận quyết định.',
      }),
      at(3, 'committee', { do: 'breakGlass', reason: 'Chuẩn bị phiên họp Ban cán sự đảng về công tác cán bộ của đơn vị: cần nắm nội dung quyết định kỷ luật trước khi cho ý kiến.' }),
    ],
    // Explanation received: the subject (account staff.cr) answered the notice in BVCT.
    [
      violation(30, { subjectType: 'person', subjectPersonId: r.personOf('staff.cr') }, {
        purpose: 'report', deadline: d(-45), note: 'Báo cáo của khoa: mang tài liệu có đóng dấu "Mật" về nhà khi chưa được phép.',
      }),
      step(27, { step: 'subjectNotified', dueDate: d(13), note: `Báo cáo của đơn vị phản ánh việc đồng chí mang tài liệu có đóng dấu "Mật" ra khỏi cơ quan khi chưa được phép. Đề nghị đồng chí gửi bản giải trình trước ngày ${vnDate(d(13))}.` }),
      at(20, 'staff.cr', {
        do: 'answer',
        body: 'Tôi xin giải trình: tôi mang tài liệu về để kịp hoàn thành báo cáo theo yêu cầu của khoa, chưa xin phép theo quy định. Tài liệu đã được nộp lại đầy đủ ngay ngày hôm sau. Tôi nhận thức được sai sót và cam kết không tái phạm.',
      }),
      step(19, { step: 'explanationReceived', note: 'Đã nhận bản giải trình của đồng chí trên hệ thống; đề nghị chi bộ tổ chức kiểm điểm.' }),
    ],
    // The subject (account staff) has been notified and has a week left to answer.
    [
      violation(9, { subjectType: 'person', subjectPersonId: r.personOf('staff') }, {
        purpose: 'finding', deadline: d(-50), note: 'Từ kết quả kiểm tra việc thực hiện quy chế bảo vệ bí mật nhà nước tại khoa.',
      }),
      grant(9, 'inspector'),
      step(6, { step: 'subjectNotified', dueDate: d(-8), note: `Qua kiểm tra việc thực hiện quy chế bảo vệ bí mật nhà nước tại khoa, đoàn kiểm tra ghi nhận đồng chí để tài liệu có nội dung mật ngoài tủ lưu trữ theo quy định. Đề nghị đồng chí gửi bản giải trình trước ngày ${vnDate(d(-8))}.` }),
    ],
  ]
}

/** The services open a transaction of their own; the demo's run inside its one transaction instead. */
const joined = (tx: Queryable, kind: Db['kind']): Db => ({ kind, query: (text, params) => tx.query(text, params), transaction: (fn) => fn(tx), close: async () => {} })

/** Loads the demo's cases (in `tx`, the demo's transaction). Returns how many. */
export async function loadDemoCases(tx: Queryable, o: { kind: Db['kind']; keys: Keyring; appealDays: number; now: Date; refs: DemoCaseRefs }): Promise<number> {
  const db = joined(tx, o.kind)
  const deps: CaseDeps = { db, keys: o.keys, appealDays: o.appealDays }
  const today = vnDay(o.now)
  const cases = demoCases((n) => addDays(today, -n), o.refs, TEAM.map((u) => o.refs.accountId(u)))
  const timeline = [[at(420, BOARD_HEAD, { do: 'createGroup' })], ...cases]
    .flatMap((events, i) => events.map((e) => ({ ...e, caseIndex: i - 1 })))
    .sort((a, b) => b.daysAgo - a.daysAgo)
  const users = new Map<string, CurrentUser>()
  const state: (CaseDto | null)[] = cases.map(() => null)
  let groupId = 0
  let lastDay = ''
  let k = 0
  for (const e of timeline) {
    const day = addDays(today, -e.daysAgo)
    k = day === lastDay ? k + 1 : 0
    lastDay = day
    if (!users.has(e.as)) users.set(e.as, await userFor(tx, o.refs.accountId(e.as)))
    const user = users.get(e.as)!
    const actor = { id: user.id, username: user.username, ip: IP[e.as] ?? null, now: addMinutes(officeTime(day), k * 7) }
    const c = state[e.caseIndex]!
    const a = e.act
    switch (a.do) {
      case 'createGroup':
        groupId = await createGroup(db, user, actor, CASE_GROUPS.standards_review)
        for (const m of GROUP_MEMBERS) await changeGroupMember(db, user, actor, groupId, o.refs.accountId(m), 'add')
        break
      case 'open':
        state[e.caseIndex] = await openCase(deps, user, actor, a.input)
        break
      case 'grant':
        await grantAccess(db, o.keys, user, actor, c.id, a.account ? { accountId: o.refs.accountId(a.account) } : { groupId })
        break
      case 'step':
        state[e.caseIndex] = await recordStep(deps, user, actor, c.id, { ...a.input, doneOn: day } as CaseStepInput & { note: string })
        break
      case 'request':
        state[e.caseIndex] = await addRequest(deps, user, actor, c.id, { agency: a.agency, asked: a.asked, sentOn: day, dueDate: a.dueDate })
        break
      case 'reply': {
        const r = c.requests[a.request]
        state[e.caseIndex] = await recordReply(deps, user, actor, r.id, { version: r.version, repliedOn: day, reply: a.reply })
        break
      }
      case 'approve':
        state[e.caseIndex] = await approveConclusion(deps, user, actor, c.id, c.version)
        break
      case 'answer':
        await submitToNotice(deps, user, actor, c.notices.at(-1)!.id, { kind: 'explanation', body: a.body })
        break
      case 'read':
        await readCase(deps, user, actor, c.id)
        break
      case 'breakGlass':
        await breakGlass(deps, user, actor, c.id, a.reason)
        break
    }
  }
  return cases.length
}
