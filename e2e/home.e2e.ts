import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HomeDto } from '../contract/home.ts'
import { DESKTOP, expectVisible, launchBrowser, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

describe('the home page of work: each role starts from what waits for it', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'home'))
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
    expect(errors.flat()).toEqual([])
  })

  async function open(username: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + '/', username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }
  const work = async (page: Page) => (await (await page.request.get(`${server.url}/api/v1/me/work`)).json()) as HomeDto
  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\bhome\.[a-z][A-Za-z.]*\b/)

  it("opens a unit officer's work first: every section as the API counts it, each item leading to its page", async () => {
    const page = await open('officer.bvbm')
    await page.waitForURL('**/home')
    await expectVisible(page.getByRole('heading', { name: 'Việc cần làm' }))
    const h = await work(page)
    expect(h.sections.map((s) => s.key)).toEqual(['acknowledge', 'plans', 'overdueActions', 'reports', 'extensionsDecided'])
    for (const s of h.sections) {
      const card = page.getByTestId(`home-${s.key}`)
      await expectVisible(card)
      expect(await card.getByTestId('section-total').innerText()).toBe(String(s.total))
      expect(await card.locator('.ant-list-item').count()).toBe(s.items.length)
    }
    await noRawKeys(page)
    await screenshot(page, 'home-officer-desktop')
    // The menu item is a real link (opens in a new tab too).
    expect(await page.getByRole('menuitem', { name: 'Việc cần làm' }).locator('a').getAttribute('href')).toBe('/home')
    const withItems = h.sections.find((s) => s.items.length)!
    await page.getByTestId(`home-${withItems.key}`).getByRole('link', { name: withItems.items[0].directiveNumber && ['acknowledge'].includes(withItems.key) ? `${withItems.items[0].directiveNumber} — ${withItems.items[0].title}` : withItems.items[0].title }).first().click()
    await page.waitForURL(`**${withItems.items[0].link}`)
  })

  it("shows the board its directives with where the units stand and the overdue worklist, one click from the full list", async () => {
    const page = await open('board')
    await page.waitForURL('**/home')
    const h = await work(page)
    const directives = h.sections.find((s) => s.key === 'directives')!
    expect(directives.items.length).toBeGreaterThan(0)
    const p = directives.items[0].progress!
    await expectVisible(page.getByTestId('home-directives').getByText(`Tiếp nhận ${p.acknowledged}/${p.addressees} · Kế hoạch được chấp nhận ${p.plansAccepted} · Việc quá hạn ${p.overdueActions}`, { exact: false }).first())
    const overdue = h.sections.find((s) => s.key === 'overdue')!
    expect(overdue.total).toBeGreaterThan(0)
    await screenshot(page, 'home-board-desktop')
    await page.getByRole('link', { name: 'Xem toàn bộ việc quá hạn' }).click()
    await page.waitForURL('**/notifications?tab=overdue')
    await expectVisible(page.getByRole('tab', { name: 'Việc quá hạn', selected: true }))
  })

  it('gives the directive list the same density: acknowledged x/y, plans accepted, overdue, next deadline', async () => {
    const page = await open('board')
    await page.goto(server.url + '/directives')
    const list = (await (await page.request.get(`${server.url}/api/v1/directives?limit=20`)).json()) as { items: { id: number; progress: { acknowledged: number; addressees: number; plansAccepted: number; overdueActions: number } | null }[] }
    const issued = list.items.find((d) => d.progress)!
    const p = issued.progress!
    await expectVisible(page.getByTestId('directive-progress').first())
    const text = await page.getByTestId('directive-progress').first().innerText()
    expect(text).toContain(`Tiếp nhận ${p.acknowledged}/${p.addressees}`)
    expect(text).toContain(`KH được chấp nhận ${p.plansAccepted}`)
    expect(text).toContain(`Quá hạn ${p.overdueActions}`)
    await screenshot(page, 'home-directive-list-desktop')
  })

  it('fits a phone (390×844) and reads in English', async () => {
    const page = await open('head.bvbm', PHONE)
    await page.waitForURL('**/home')
    await expectVisible(page.getByTestId('home-acknowledge'))
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'home-head-phone')
    await page.evaluate(() => localStorage.setItem('bvct.lang', 'en'))
    await page.reload()
    await expectVisible(page.getByRole('heading', { name: 'To do' }))
    await expectVisible(page.getByText('Directives waiting for the unit to acknowledge'))
    await noRawKeys(page)
    await page.evaluate(() => localStorage.setItem('bvct.lang', 'vi'))
  })

  it('sends staff to their own page and an administrator to the unit tree', async () => {
    const staff = await open('staff')
    await staff.waitForURL('**/my-directives')
    const admin = await open('admin')
    await admin.waitForURL('**/units')
    await expectVisible(admin.getByRole('tree'))
  })
})
