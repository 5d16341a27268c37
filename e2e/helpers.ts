// Starts the real server on a free port with a fresh data folder, and a headless Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DESKTOP = { width: 1366, height: 768 }
export const PHONE = { width: 390, height: 844 }
export const DEMO_PASSWORD = 'E2e-demo-pass-2024'
export const SCREENSHOT_DIR = '/tmp/bvct-e2e'

export interface TestServer {
  url: string
  /** Everything the server printed, for failure messages. */
  output: () => string
  close: () => Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** The server serves web/dist; build it first if the sources changed (a no-op when fresh). */
function ensureWebBuilt() {
  const r = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`)
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * `node --import tsx server/main.ts` with its own port, data and backup folders and a known demo
 * password. With E2E_DATABASE_URL set, it runs against that PostgreSQL database instead (which
 * should be empty, so the demo data loads).
 */
export async function startServer(): Promise<TestServer> {
  ensureWebBuilt()
  // E2E_PORT pins the port (people sharing a machine each keep to their own range).
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'bvct-e2e-data-'))
  const backupDir = mkdtempSync(join(tmpdir(), 'bvct-e2e-backup-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BVCT_DATA_DIR: dataDir,
    BVCT_BACKUP_DIR: backupDir,
    BVCT_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  }
  delete env.DATABASE_URL
  delete env.BVCT_DEMO
  if (process.env.E2E_DATABASE_URL) {
    env.DATABASE_URL = process.env.E2E_DATABASE_URL
    env.BVCT_DEMO = '1'
    env.BVCT_MASTER_KEY ??= randomBytes(32).toString('base64')
  }

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))

  const url = `http://127.0.0.1:${port}`
  const close = async () => {
    child.kill('SIGTERM')
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL')
      await waitForExit(child, 5_000)
    }
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(backupDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${url}/api/v1/health`)
      if (res.ok) return { url, output: () => output, close }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await close()
  throw new Error(`server did not become healthy within 180 s:\n${output}`)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/**
 * Uncaught page errors and console errors. Chromium logs every 4xx answer as a console error; those
 * are answers the app handles (401 from /me while signed out, a 400 the story provokes) and are
 * checked through what the page shows, so only 5xx and script errors count here.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const text = m.text()
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return
    errors.push(`console: ${text}`)
  })
  return errors
}

/** Saves /tmp/bvct-e2e/<name>.png once loading spinners are gone, with transitions run to their end. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden', timeout: 10_000 })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' })
}

/** Nothing off to the side: the page is no wider than its viewport (a phone never scrolls sideways). */
export async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
}

/** Waits until the locator is visible (playwright-core has no `expect`, so this is the assertion). */
export async function expectVisible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout })
}

export async function expectHidden(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'hidden', timeout })
}

/** Fills the sign-in form (labels in either language) and waits for the app shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel(/^(Tên đăng nhập|Username)$/).fill(username)
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password)
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click()
  await expectVisible(page.locator('.bvct-header'))
}

/** dd/MM/yyyy, `days` from today: what a person types into a date field. */
export function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`
}

/**
 * One person's browser: a context of their own (a phone-sized viewport is a touch device), the
 * page's errors collected, signed in at `url`. The caller closes the context.
 */
export async function openSignedIn(browser: Browser, url: string, username: string, viewport: { width: number; height: number } = DESKTOP) {
  const isPhone = viewport.width < 600
  const context = await browser.newContext({ viewport, ...(isPhone ? { isMobile: true, hasTouch: true } : {}) })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(url)
  await signIn(page, username)
  return { context, page, errors }
}

let failures = 0

/**
 * For an afterEach: when the step failed, a picture of every page still open in `contexts`, to see
 * what the person would have seen.
 */
export async function screenshotOnFailure(ctx: { task: { result?: { state?: string } } }, contexts: BrowserContext[], prefix: string) {
  if (ctx.task.result?.state !== 'fail') return
  // Numbered by failure, so a later failing step does not overwrite the first one's pictures.
  const failure = ++failures
  const pages = contexts.flatMap((c) => c.pages())
  for (const [i, p] of pages.entries()) await p.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-failed-${failure}-${i}.png`) }).catch(() => undefined)
}

/**
 * Picks an option of an antd select after typing into it (empty `typed`: from the list as it opens).
 * The option is looked for in that select's own list (`<input id>_list`), never another open one,
 * and the pick is checked: an option already chosen (a multiple select) is left as it is.
 */
export async function chooseOption(page: Page, select: Locator, typed: string, option: string | RegExp) {
  // A select found by its label is its search input; one found by test id is the box around it.
  const id = await select.evaluate((el) => (el.matches('input') ? el : el.querySelector('input'))?.id)
  const list = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) })
  const chosen = list.locator('.ant-select-item-option-selected', { hasText: option })
  for (let attempt = 1; ; attempt++) {
    await select.click()
    if (typed) await page.keyboard.type(typed)
    const item = list.locator('.ant-select-item-option', { hasText: option }).first()
    await item.waitFor({ state: 'visible' })
    if (await item.evaluate((el) => el.classList.contains('ant-select-item-option-selected'))) return
    // The list opens with a motion. A click while it still moves can press on the option and be
    // released beside it, and nothing is chosen (seen on a slow CI machine): wait for it to settle.
    await list.and(page.locator('.ant-select-dropdown:not([class*="-appear"]):not([class*="-enter"])')).waitFor()
    await item.click()
    try {
      await chosen.first().waitFor({ state: 'attached', timeout: 3_000 })
      return
    } catch (e) {
      if (attempt === 3) throw e
    }
    await page.keyboard.press('Escape')
  }
}
