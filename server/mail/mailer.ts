import type { Transporter } from 'nodemailer'

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
  // nodemailer costs ~15 MB resident; a server that never sends mail never loads it.
  let transport: Promise<Transporter> | null = null
  const open = async () => (await import('nodemailer')).default.createTransport(smtpUrl)
  return {
    async send(m) {
      // A failed attempt (a bad SMTP_URL) is not kept: the next message tries again and logs again.
      transport ??= open().catch((e) => {
        transport = null
        throw e
      })
      await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.text })
    },
  }
}
