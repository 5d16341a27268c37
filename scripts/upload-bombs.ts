// Measures what one hostile upload costs a running server: the request's time and answer (sent
// twice), the slowest /api/v1/health answer meanwhile (polled every 100 ms from another thread), and
// the process's resident memory before, at its peak and after. One bomb per run, so each starts clean.
//
//   npx tsx scripts/upload-bombs.ts docx|docx-lie|pdf|xlsx [--root DIR] [--unpacked-mb N]
//
// The bombs are the issue's, full size: a 4 MB .docx whose document.xml inflates to 4 GB, the same
// with a central directory that says 4 KB, a 1 MB PDF whose page stream inflates to 1 GB, a 1.4 MB
// .xlsx roster holding 1.4 GB of whitespace. --root points at another checkout (e.g. `git archive
// HEAD` unpacked) to measure the code before a change; the server there may not survive the bomb.
// --unpacked-mb builds the same bomb at a smaller size (what the code before a change can take
// on a shared machine without the system running out of memory).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DOCX_HEAD, DOCX_TAIL, PDF_PAGE_HEAD, SHEET_TAIL, docxWith, packRepeated, pdfWith, sheetHead, xlsxWith } from '../test/bombs.ts'

const kind = process.argv[2]
const rootArg = process.argv.indexOf('--root')
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : new URL('..', import.meta.url).pathname)
const from = (path: string) => import(pathToFileURL(join(root, path)).href)
const sizeArg = process.argv.indexOf('--unpacked-mb')
const size = (full: number) => (sizeArg > 0 ? Number(process.argv[sizeArg + 1]) * 1024 * 1024 : full)

const ROSTER = [['Họ và tên', 'Chức vụ'], ['Lê Thị Hòa', 'Bác sĩ']]
const BOMBS: Record<string, () => Buffer> = {
  docx: () => docxWith(packRepeated({ head: DOCX_HEAD, byte: 0x61, total: size(4e9), tail: DOCX_TAIL, raw: true })),
  'docx-lie': () => docxWith(packRepeated({ head: DOCX_HEAD, byte: 0x61, total: size(4e9), tail: DOCX_TAIL, raw: true }), 4096),
  pdf: () => pdfWith([packRepeated({ head: PDF_PAGE_HEAD, byte: 0x20, total: size(1024 ** 3), tail: '', raw: false }).packed]),
  xlsx: () => xlsxWith(ROSTER, { sheet: packRepeated({ head: sheetHead(ROSTER), byte: 0x20, total: size(1.4e9), tail: SHEET_TAIL, raw: true }) }),
}
if (!BOMBS[kind]) throw new Error(`usage: upload-bombs.ts ${Object.keys(BOMBS).join('|')} [--root DIR]`)

const mb = (n: number) => Math.round(n / 1024 / 1024)
const status = () => readFileSync('/proc/self/status', 'utf8')
const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())![1]) * 1024

const bytes = BOMBS[kind]()
const { buildApp } = await from('server/app.ts')
const { readConfig } = await from('server/config.ts')
const { openPgliteWorker } = await from('server/db/client.ts')
const { migrate } = await from('server/db/migrate.ts')
const { seedAccount, seedDirective, seedUnit } = await from('server/db/seed/builders.ts')
const { createMailer } = await from('server/mail/mailer.ts')
const { openKeyring } = await from('server/lib/keyring.ts')

// The embedded mode as `npm start` runs it: PGlite in its own thread, a data folder on disk.
const dataDir = mkdtempSync(join(tmpdir(), 'bvct-bombs-db-'))
const db = await openPgliteWorker(dataDir)
await migrate(db)
const top = await seedUnit(db, { code: 'ROOT', name: 'Bộ Y tế', kind: 'ministry' })
const unit = await seedUnit(db, { parent: top, code: 'HA', name: 'Bệnh viện Alpha', kind: 'hospital' })
const password = 'Bomb-password-1'
await seedAccount(db, { username: 'board', password, roles: [{ role: 'board', unitId: top.id }] })
await seedAccount(db, { username: 'officer', password, roles: [{ role: 'unitOfficer', unitId: unit.id }] })
const directive = await seedDirective(db, { ownerUnitId: top.id, unitIds: [unit.id] })
const config = { ...readConfig({}, []), demo: true, masterKey: Buffer.alloc(32, 7).toString('base64') }
const app = await buildApp({ db, config, clock: () => new Date(), mailer: createMailer(null, { log: () => {} }), keys: openKeyring(config, { createIfMissing: false }) })
const base = await app.listen({ port: 0, host: '127.0.0.1' })

async function login(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken }
}

let url = `${base}/api/v1/directives/parse`
let filename = kind.startsWith('docx') ? 'cong-van.docx' : 'cong-van.pdf'
let who = await login('board')
if (kind === 'xlsx') {
  who = await login('officer')
  const s = await fetch(`${base}/api/v1/directives/${directive.id}/sessions`, {
    method: 'POST', headers: { ...who, 'content-type': 'application/json' },
    body: JSON.stringify({ unitId: unit.id, heldOn: new Date().toISOString().slice(0, 10), form: 'conference', title: 'Hội nghị', requirementIds: [directive.requirementIds[0]] }),
  })
  url = `${base}/api/v1/sessions/${((await s.json()) as { id: number }).id}/attendees/import`
  filename = 'danh-sach.xlsx'
}

// The health probe runs on its own thread: a blocked server shows as a slow answer, not a late timer.
const probe = new Worker(`
  const { parentPort, workerData } = require('node:worker_threads')
  const times = []
  let on = true
  parentPort.on('message', () => { on = false })
  ;(async () => {
    while (on) {
      const t = performance.now()
      await fetch(workerData + '/api/v1/health').then((r) => r.text())
      times.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, 100))
    }
    parentPort.postMessage(times)
  })()
`, { eval: true, workerData: base })
await new Promise((r) => setTimeout(r, 300))

writeFileSync('/proc/self/clear_refs', '5') // resets VmHWM, the peak resident size
const rssBefore = process.memoryUsage.rss()
// Twice: the first upload also starts whatever the server starts lazily, the second finds it running.
const times: number[] = []
let res!: Response
for (let i = 0; i < 2; i++) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  const t0 = performance.now()
  res = await fetch(url, { method: 'POST', headers: who, body: form })
  times.push(Math.round(performance.now() - t0))
  if (res.status < 400) break // parsed: the second would be an import of the same people
}
const answer = (await res.json()) as { error?: { code: string; message: string; fields?: unknown } }
const peak = kb('VmHWM')
probe.postMessage('stop')
const health = await new Promise<number[]>((r) => probe.once('message', r))
const rssAfter = process.memoryUsage.rss()

console.log(JSON.stringify({
  bomb: kind, root, unpackedMb: mb(size(kind === 'pdf' ? 1024 ** 3 : kind === 'xlsx' ? 1.4e9 : 4e9)), uploadKb: Math.round(bytes.length / 1024), status: res.status, firstMs: times[0], secondMs: times[1],
  answer: answer.error ? { code: answer.error.code, message: answer.error.message, fields: answer.error.fields } : 'parsed',
  healthMaxMs: Math.round(Math.max(...health)), healthProbes: health.length,
  rssBeforeMb: mb(rssBefore), rssPeakMb: mb(peak), rssAfterMb: mb(rssAfter),
}))
await app.close()
await db.close()
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
