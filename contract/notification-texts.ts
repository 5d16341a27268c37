// The words of the notifications stored as a kind and its parameters: one place for the bell, the
// notifications page and the e-mails, in both languages. A kind not listed here is an older one
// whose Vietnamese title and body were stored with it.
import type { Lang } from './errors.ts'

/** Parameter values as stored (ISO days for dates: the text shows them as dd/MM/yyyy). */
export type NotificationParams = Record<string, string | number | null>

interface Texts {
  title: string
  body: string
}

/** The stages of a deadline reminder: "before:N" days, or "on" the day. */
const when = (stage: string, lang: Lang) => {
  if (stage === 'on') return lang === 'vi' ? 'hôm nay là hạn' : 'is due today'
  const n = stage.split(':')[1]
  return lang === 'vi' ? `còn ${n} ngày đến hạn` : `is due in ${n} day${n === '1' ? '' : 's'}`
}

/** The counts of an overdue digest, the kinds with none left out. */
function parts(p: NotificationParams, lang: Lang) {
  const n = (k: string) => Number(p[k] ?? 0)
  const out: string[] = []
  const s = (k: number) => (k === 1 ? '' : 's')
  if (n('acknowledgements')) out.push(lang === 'vi' ? `${n('acknowledgements')} văn bản chưa tiếp nhận` : `${n('acknowledgements')} directive${s(n('acknowledgements'))} not acknowledged`)
  if (n('plans')) out.push(lang === 'vi' ? `${n('plans')} kế hoạch chưa trình` : `${n('plans')} plan${s(n('plans'))} not sent`)
  if (n('actions')) out.push(lang === 'vi' ? `${n('actions')} nhiệm vụ quá hạn` : `${n('actions')} action${s(n('actions'))} overdue`)
  return out
}

const TEXTS: Record<string, Record<Lang, (p: NotificationParams) => Texts>> = {
  'directive.issued': {
    vi: (p) => ({ title: `Văn bản mới: ${p.number ?? p.subject}`, body: `${p.unitName} nhận văn bản "${p.subject}". Hạn tiếp nhận ${p.ackDue}, hạn gửi kế hoạch ${p.planDue}.` }),
    en: (p) => ({ title: `New directive: ${p.number ?? p.subject}`, body: `${p.unitName} has received "${p.subject}". Acknowledge by ${p.ackDue}, send the plan by ${p.planDue}.` }),
  },
  'directive.ackDue': {
    vi: (p) => ({ title: `Nhắc tiếp nhận: ${p.number ?? p.subject}`, body: `${p.unitName}: ${when(String(p.stage), 'vi')} tiếp nhận văn bản (hạn ${p.due}).` }),
    en: (p) => ({ title: `Acknowledgement reminder: ${p.number ?? p.subject}`, body: `${p.unitName}: acknowledging the directive ${when(String(p.stage), 'en')} (deadline ${p.due}).` }),
  },
  'plan.due': {
    vi: (p) => ({ title: `Nhắc gửi kế hoạch: ${p.number ?? p.subject}`, body: `${p.unitName}: ${when(String(p.stage), 'vi')} gửi kế hoạch thực hiện (hạn ${p.due}).` }),
    en: (p) => ({ title: `Plan reminder: ${p.number ?? p.subject}`, body: `${p.unitName}: the implementation plan ${when(String(p.stage), 'en')} (deadline ${p.due}).` }),
  },
  'plan.returned': {
    vi: (p) => ({ title: `Kế hoạch bị trả lại: ${p.number ?? p.subject}`, body: `Kế hoạch của ${p.unitName} được trả lại để sửa.${p.comment ? ` Ý kiến: ${p.comment}` : ''}` }),
    en: (p) => ({ title: `Plan returned: ${p.number ?? p.subject}`, body: `The plan of ${p.unitName} was returned for changes.${p.comment ? ` Comment: ${p.comment}` : ''}` }),
  },
  'plan.accepted': {
    vi: (p) => ({ title: `Kế hoạch được chấp nhận: ${p.number ?? p.subject}`, body: `Kế hoạch của ${p.unitName} đã được chấp nhận.${p.comment ? ` Ý kiến: ${p.comment}` : ''}` }),
    en: (p) => ({ title: `Plan accepted: ${p.number ?? p.subject}`, body: `The plan of ${p.unitName} was accepted.${p.comment ? ` Comment: ${p.comment}` : ''}` }),
  },
  'extension.decided': {
    vi: (p) => ({
      title: `${p.decision === 'approved' ? 'Đồng ý' : 'Không đồng ý'} gia hạn: ${p.number ?? p.subject}`,
      body: `${p.unitName}: đề nghị gia hạn đến ${p.requestedDue} ${p.decision === 'approved' ? 'được đồng ý' : 'không được đồng ý'}.${p.note ? ` Ý kiến: ${p.note}` : ''}`,
    }),
    en: (p) => ({
      title: `Extension ${p.decision === 'approved' ? 'approved' : 'refused'}: ${p.number ?? p.subject}`,
      body: `${p.unitName}: the request to extend to ${p.requestedDue} was ${p.decision === 'approved' ? 'approved' : 'refused'}.${p.note ? ` Comment: ${p.note}` : ''}`,
    }),
  },
  // The daily sweep's one notification per unit and day (server/features/notifications/overdue.job.ts).
  'overdue.digest': {
    vi: (p) => ({
      title: `Việc quá hạn của ${p.unitName} ngày ${p.asOf}`,
      body: `${parts(p, 'vi').join(', ')}; hạn cũ nhất ${p.oldestDue}.`,
    }),
    en: (p) => ({
      title: `Overdue work of ${p.unitName} on ${p.asOf}`,
      body: `${parts(p, 'en').join(', ')}; the oldest deadline ${p.oldestDue}.`,
    }),
  },
}

/** The kinds a person may turn e-mail on or off for, in the order the settings list them. */
export const EMAIL_KINDS = ['directive.issued', 'directive.ackDue', 'plan.due', 'plan.returned', 'plan.accepted', 'extension.decided'] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
/** ISO days become dd/MM/yyyy; everything else as stored. */
function shown(params: NotificationParams): NotificationParams {
  const out: NotificationParams = {}
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && DAY.test(v) ? v.replace(DAY, '$3/$2/$1') : v
  return out
}

/** The title and body of a notification in `lang`, or null for a kind stored with its own text. */
export function renderNotification(kind: string, params: NotificationParams | null, lang: Lang): Texts | null {
  const t = TEXTS[kind]
  if (!t || !params) return null
  return t[lang](shown(params))
}
