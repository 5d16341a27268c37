// A small keep-alive HTTP client on node:http: the benchmark needs cookies, a CSRF header, JSON
// bodies and per-request timing, and nothing else (no dependency earns its place for that).
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: string
  body?: unknown
}

export interface Res {
  status: number
  ms: number
  body: Buffer
  headers: http.IncomingHttpHeaders
}

export interface Session {
  cookie: string
  csrf: string
  accountId: number
}

export class HttpClient {
  private agent: http.Agent

  constructor(private readonly port: number, sockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  }

  send(req: Req, session?: Session | null): Promise<Res> {
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body))
    const headers: Record<string, string | number> = { accept: 'application/json' }
    if (payload) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = payload.length
    }
    if (session) {
      headers.cookie = session.cookie
      if (req.method !== 'GET') headers['x-csrf-token'] = session.csrf
    }
    return new Promise((resolve, reject) => {
      const started = performance.now()
      const r = http.request({ host: '127.0.0.1', port: this.port, method: req.method, path: req.path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), headers: res.headers }))
        res.on('error', reject)
      })
      r.on('error', reject)
      r.end(payload)
    })
  }

  /** Signs in; the session cookie and CSRF token go with every later request of this session. */
  async login(username: string, password: string, totp?: string): Promise<Session> {
    const res = await this.send({ method: 'POST', path: '/api/v1/auth/login', body: { username, password, ...(totp ? { totp } : {}) } })
    if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`)
    const me = JSON.parse(res.body.toString())
    const cookies = [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0])
    const session = cookies.find((c) => c.startsWith('bvct_session='))
    if (!session) throw new Error(`login ${username}: no session cookie`)
    if (me.isMfaSetupRequired) throw new Error(`login ${username}: second factor not set up`)
    return { cookie: session, csrf: me.csrfToken, accountId: me.id }
  }

  close() {
    this.agent.destroy()
  }
}
