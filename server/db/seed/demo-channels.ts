// The units' official channels and cybersecurity incidents in the demo: about a dozen channels over
// several units (websites, Facebook pages, a Zalo OA, YouTube, e-mail domains), some with the review
// overdue and some with an administrator without two-factor sign-in; security reviews done; and
// three incidents: an impersonation closed on time, an account takeover reported and closed late,
// a defacement still open. Everything goes through the features' services as the unit's officer.
import type { ChannelKind, ReviewCheck } from '../../../contract/channels.ts'
import type { IncidentKind } from '../../../contract/incidents.ts'
import { recordReview } from '../../features/channels/channel-reviews.service.ts'
import { channelDepsOf, registerChannel } from '../../features/channels/channels.service.ts'
import { addResponseStep, closeIncident, reportIncident } from '../../features/incidents/incident-response.service.ts'
import { recipientsOf, targetsOf } from '../../features/incidents/incidents.policy.ts'
import { recordIncident, type IncidentDeps } from '../../features/incidents/incidents.service.ts'
import type { Queryable } from '../types.ts'
import { demoContext, type DemoFeatureInput } from './demo-context.ts'

interface DemoChannel {
  unit: string
  kind: ChannelKind
  name: string
  address: string
  purpose: string
  /** Days ago it was registered in BVCT. */
  registered: number
  /** A review before BVCT, days ago (registered that day, if later). */
  lastReviewed?: number
  /** Reviews recorded in BVCT, days ago; a failed check listed fails that review. */
  reviews?: { daysAgo: number; failed?: ReviewCheck[] }[]
  /** Administrators (people of the unit, by index) and whether each signs in with a second factor. */
  admins: [number, boolean][]
  domain: string
}

const CHANNELS: DemoChannel[] = [
  { unit: 'BVBM', kind: 'website', name: 'Cổng thông tin điện tử Bệnh viện Bạch Mai', address: 'https://bachmai.gov.vn', purpose: 'Thông tin chính thức của bệnh viện', registered: 320, lastReviewed: 330, reviews: [{ daysAgo: 140 }, { daysAgo: 20 }], admins: [[4, true], [7, true]], domain: 'bachmai.gov.vn' },
  { unit: 'BVBM', kind: 'facebook_page', name: 'Trang Facebook Bệnh viện Bạch Mai', address: 'https://www.facebook.com/benhvienbachmai.official', purpose: 'Truyền thông, hướng dẫn người bệnh', registered: 320, lastReviewed: 300, reviews: [{ daysAgo: 95, failed: ['noLookAlikes'] }], admins: [[4, true], [8, true], [9, false]], domain: 'bachmai.gov.vn' },
  { unit: 'BVBM', kind: 'youtube', name: 'Kênh YouTube Bệnh viện Bạch Mai', address: '@benhvienbachmai', purpose: 'Video hướng dẫn chăm sóc sức khỏe', registered: 300, lastReviewed: 250, admins: [[8, true]], domain: 'bachmai.gov.vn' },
  { unit: 'BVBM', kind: 'email_domain', name: 'Hộp thư công vụ Bệnh viện Bạch Mai', address: 'bachmai.gov.vn', purpose: 'Thư điện tử công vụ', registered: 320, reviews: [{ daysAgo: 60 }], admins: [[4, true]], domain: 'bachmai.gov.vn' },
  { unit: 'BVCR', kind: 'website', name: 'Cổng thông tin Bệnh viện Chợ Rẫy', address: 'https://choray.vn', purpose: 'Thông tin chính thức của bệnh viện', registered: 310, lastReviewed: 200, reviews: [{ daysAgo: 30 }], admins: [[3, true], [5, true]], domain: 'choray.vn' },
  { unit: 'BVCR', kind: 'facebook_page', name: 'Bệnh viện Chợ Rẫy', address: 'https://www.facebook.com/bvchoray', purpose: 'Truyền thông, giải đáp người bệnh', registered: 310, lastReviewed: 280, reviews: [{ daysAgo: 110, failed: ['twoFactorOn', 'adminsStillNeeded'] }], admins: [[3, true], [6, false]], domain: 'choray.vn' },
  { unit: 'BVCR', kind: 'zalo_oa', name: 'Zalo OA Bệnh viện Chợ Rẫy', address: 'https://zalo.me/2271036840118392', purpose: 'Đặt lịch khám, thông báo cho người bệnh', registered: 260, lastReviewed: 240, admins: [[5, false]], domain: 'choray.vn' },
  { unit: 'BVK', kind: 'website', name: 'Cổng thông tin Bệnh viện K', address: 'https://benhvienk.vn', purpose: 'Thông tin chính thức của bệnh viện', registered: 290, reviews: [{ daysAgo: 250 }, { daysAgo: 70 }], admins: [[6, true]], domain: 'benhvienk.vn' },
  { unit: 'BVK', kind: 'facebook_page', name: 'Bệnh viện K - Trang chính thức', address: 'https://www.facebook.com/benhvienk.official', purpose: 'Truyền thông phòng chống ung thư', registered: 290, lastReviewed: 260, admins: [[6, true], [9, true]], domain: 'benhvienk.vn' },
  { unit: 'VDD', kind: 'website', name: 'Cổng thông tin Viện Dinh dưỡng', address: 'https://viendinhduong.vn', purpose: 'Thông tin chính thức của viện', registered: 280, lastReviewed: 150, reviews: [{ daysAgo: 40 }], admins: [[3, true], [4, false]], domain: 'viendinhduong.vn' },
  { unit: 'VDD', kind: 'youtube', name: 'Kênh YouTube Viện Dinh dưỡng', address: 'https://www.youtube.com/@viendinhduong', purpose: 'Hướng dẫn dinh dưỡng cho cộng đồng', registered: 280, lastReviewed: 220, admins: [[4, true]], domain: 'viendinhduong.vn' },
  { unit: 'DHYHN', kind: 'website', name: 'Cổng thông tin Trường Đại học Y Hà Nội', address: 'https://hmu.edu.vn', purpose: 'Thông tin chính thức của trường', registered: 300, reviews: [{ daysAgo: 160 }, { daysAgo: 10 }], admins: [[5, true]], domain: 'hmu.edu.vn' },
  { unit: 'DHYHN', kind: 'email_domain', name: 'Thư điện tử Trường Đại học Y Hà Nội', address: 'hmu.edu.vn', purpose: 'Thư điện tử công vụ của trường', registered: 300, lastReviewed: 120, admins: [[5, true], [6, true]], domain: 'hmu.edu.vn' },
]

const FINDINGS: Record<ReviewCheck, { findings: string; action: string }> = {
  adminsStillNeeded: { findings: 'Một tài khoản quản trị của người đã chuyển công tác vẫn còn quyền.', action: 'Gỡ quyền quản trị của tài khoản không còn nhiệm vụ' },
  twoFactorOn: { findings: 'Một quản trị viên chưa bật xác thực hai lớp.', action: 'Bật xác thực hai lớp cho mọi quản trị viên' },
  recoveryContactsCurrent: { findings: 'Số điện thoại khôi phục đã cũ.', action: 'Cập nhật số điện thoại khôi phục của đơn vị' },
  postingRulesFollowed: { findings: 'Một số bài đăng chưa qua duyệt theo quy chế.', action: 'Nhắc lại quy chế duyệt bài đăng' },
  noLookAlikes: { findings: 'Phát hiện một trang giả mạo dùng tên và logo của bệnh viện.', action: 'Báo cáo nền tảng gỡ trang giả mạo, thông báo cho người bệnh' },
}

interface DemoIncident {
  unit: string
  channel: string
  kind: IncidentKind
  summary: string
  /** Detected: days ago, at the hour. */
  detected: [number, number]
  /** Hours after detection each report went, to whom. */
  reports: [string, number, string][]
  /** Hours after detection each response step was taken. */
  steps: [number, string][]
  /** Days after detection it was closed, with lessons; absent: still open. */
  closed?: [number, string]
}

const INCIDENTS: DemoIncident[] = [
  {
    unit: 'BVBM', channel: 'https://www.facebook.com/benhvienbachmai.official', kind: 'impersonation', detected: [96, 9],
    summary: 'Phát hiện trang Facebook giả mạo dùng tên, logo Bệnh viện Bạch Mai để nhận đặt lịch khám có thu phí.',
    reports: [['board', 3, 'Báo cáo nhanh số 12/BC-BM'], ['ministry_it', 5, 'Phiếu hỗ trợ 2026-114']],
    steps: [[2, 'Đăng thông báo cảnh báo trên trang chính thức và cổng thông tin'], [30, 'Gửi yêu cầu gỡ trang giả mạo qua kênh hỗ trợ của nền tảng'], [190, 'Nền tảng xác nhận đã gỡ trang giả mạo']],
    closed: [9, 'Cần rà soát trang giả mạo định kỳ hằng tháng và đăng sẵn hướng dẫn nhận biết trang chính thức.'],
  },
  {
    unit: 'BVCR', channel: 'https://www.facebook.com/bvchoray', kind: 'account_takeover', detected: [150, 21],
    summary: 'Tài khoản quản trị trang Facebook bị chiếm quyền sau khi một quản trị viên đăng nhập vào đường dẫn lừa đảo; trang đăng nội dung quảng cáo lạ.',
    reports: [['board', 31, 'Báo cáo số 07/BC-CR'], ['police', 40, 'Đơn trình báo ngày tiếp nhận']],
    steps: [[20, 'Liên hệ nền tảng yêu cầu khóa tạm thời trang'], [200, 'Lấy lại quyền quản trị, gỡ các quản trị viên lạ'], [700, 'Bật xác thực hai lớp cho mọi quản trị viên còn lại']],
    closed: [47, 'Mọi quản trị viên phải bật xác thực hai lớp; không đăng nhập qua đường dẫn nhận được qua tin nhắn.'],
  },
  {
    unit: 'VDD', channel: 'https://viendinhduong.vn', kind: 'defacement', detected: [4, 7],
    summary: 'Trang chủ cổng thông tin bị thay đổi giao diện trái phép, hiển thị nội dung không phải của viện.',
    reports: [['board', 2, 'Báo cáo nhanh số 03/BC-VDD'], ['ministry_it', 2, 'Phiếu hỗ trợ 2026-311']],
    steps: [[1, 'Tạm dừng cổng thông tin, chuyển sang trang bảo trì'], [26, 'Khôi phục mã nguồn từ bản sao lưu, đang rà soát lỗ hổng']],
  },
]

/** Loads the channels, their reviews and the incidents (in `tx`). Returns counts. */
export async function loadDemoChannels(tx: Queryable, o: DemoFeatureInput): Promise<{ channels: number; reviews: number; incidents: number }> {
  const c = demoContext(tx, o)
  const deps = channelDepsOf(c.db, c.config)
  const incidentDeps: IncidentDeps = { db: c.db, targets: targetsOf(c.config), recipients: recipientsOf(c.config) }
  const ids = new Map<string, number>()
  let reviews = 0
  // Registered oldest first, then the reviews in the order they happened.
  for (const ch of [...CHANNELS].sort((a, b) => b.registered - a.registered)) {
    const officer = `officer.${ch.unit.toLowerCase()}`
    const { user, actor } = await c.as(officer, Math.min(ch.registered, ch.lastReviewed ?? ch.registered), 10 + ids.size)
    const saved = await registerChannel(deps, user, actor, {
      unitId: o.refs.unitId(ch.unit), kind: ch.kind, name: ch.name, address: ch.address, purpose: ch.purpose,
      responsiblePersonId: o.refs.personId(ch.unit, 1),
      admins: ch.admins.map(([i, hasTwoFactor]) => ({ personId: o.refs.personId(ch.unit, i), hasTwoFactor })),
      recoveryContacts: [{ kind: 'email', value: `quantri@${ch.domain}`, note: 'Hộp thư của bộ phận công nghệ thông tin' }, { kind: 'phone', value: '024 3869 3731', note: 'Tổng đài đơn vị' }],
      lastReviewedOn: ch.lastReviewed ? c.day(ch.lastReviewed) : undefined,
    })
    ids.set(ch.address, saved.body.id)
  }
  const due = CHANNELS.flatMap((ch) => (ch.reviews ?? []).map((r) => ({ ch, ...r }))).sort((a, b) => b.daysAgo - a.daysAgo)
  for (const r of due) {
    const { user, actor } = await c.as(`officer.${r.ch.unit.toLowerCase()}`, r.daysAgo, 30 + reviews)
    const failed = r.failed ?? []
    await recordReview(deps, user, actor, ids.get(r.ch.address)!, {
      reviewedOn: c.day(r.daysAgo),
      checks: { adminsStillNeeded: !failed.includes('adminsStillNeeded'), twoFactorOn: !failed.includes('twoFactorOn'), recoveryContactsCurrent: !failed.includes('recoveryContactsCurrent'), postingRulesFollowed: !failed.includes('postingRulesFollowed'), noLookAlikes: !failed.includes('noLookAlikes') },
      findings: failed.map((k) => FINDINGS[k].findings).join(' '),
      followUpActions: failed.map((k) => ({ action: FINDINGS[k].action, dueDate: c.day(r.daysAgo - 14) })),
    })
    reviews++
  }

  const hoursLater = (detected: [number, number], hours: number) => {
    const [daysAgo, hour] = detected
    const total = hour + hours
    return c.instant(daysAgo - Math.floor(total / 24), total % 24, 15)
  }
  for (const inc of INCIDENTS) {
    const officer = `officer.${inc.unit.toLowerCase()}`
    const [daysAgo, hour] = inc.detected
    const whenOf = (hours: number) => new Date(hoursLater(inc.detected, hours))
    const asAt = async (iso: string) => {
      const { user, actor } = await c.as(officer, 0)
      const at = new Date(new Date(iso).getTime() + 5 * 60_000)
      return { user, actor: { ...actor, now: at < o.now ? at : actor.now } }
    }
    let a = await asAt(c.instant(daysAgo, hour, 20))
    let i = (await recordIncident(incidentDeps, a.user, a.actor, {
      unitId: o.refs.unitId(inc.unit), kind: inc.kind, channelId: ids.get(inc.channel)!, system: '', summary: inc.summary, detectedAt: c.instant(daysAgo, hour),
    })).body
    const events = [
      ...inc.reports.map(([recipient, hours, reference]) => ({ hours, run: async () => { a = await asAt(whenOf(hours).toISOString()); i = (await reportIncident(incidentDeps, a.user, a.actor, i.id, { recipient, reportedAt: hoursLater(inc.detected, hours), reference, note: '' })).body } })),
      ...inc.steps.map(([hours, action]) => ({ hours, run: async () => { a = await asAt(whenOf(hours).toISOString()); i = (await addResponseStep(incidentDeps, a.user, a.actor, i.id, { takenAt: hoursLater(inc.detected, hours), action, note: '' })).body } })),
    ].sort((x, y) => x.hours - y.hours)
    for (const e of events) await e.run()
    if (inc.closed) {
      const [days, lessons] = inc.closed
      const closedAt = c.instant(daysAgo - days, 16)
      a = await asAt(closedAt)
      i = await closeIncident(incidentDeps, a.user, a.actor, i.id, { version: i.version, closedAt, lessons })
    }
  }
  return { channels: ids.size, reviews, incidents: INCIDENTS.length }
}
