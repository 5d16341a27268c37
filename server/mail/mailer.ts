import nodemailer from 'nodemailer'

export interface Mail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * E-mail over SMTP when SMTP_URL is set (e.g. smtp://user:pass@mail.example.vn:587); without it,
 * messages are written to the log so a demo or a test run still shows what would have gone out.
 */
export function createMailer(smtpUrl: string | null, opts: { from?: string; log?: (line: string) => void } = {}): Mailer {
  const from = opts.from ?? 'BVCT <no-reply@bvct.local>'
  if (!smtpUrl) {
    const log = opts.log ?? ((line: string) => console.log(line))
    return { send: async (m) => log(`[mail not sent: SMTP_URL unset] to=${m.to} subject=${m.subject}`) }
  }
  const transport = nodemailer.createTransport(smtpUrl)
  return { send: async (m) => void (await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text })) }
}
