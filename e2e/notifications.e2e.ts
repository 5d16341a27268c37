import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { NotificationListDto } from '../contract/notifications.ts'
import { DESKTOP, expectVisible, launchBrowser, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

describe("a unit officer's notifications: what arrived, in their language, and which come by e-mail", () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'notifications'))
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
    expect(errors.flat()).toEqual([])
  })

  async function open(username: string, path: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + path, username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }

  it('shows the directive that arrived, in Vietnamese and then in English', async () => {
    const page = await open('officer.bvbm', '/notifications')
    const list = (await (await page.request.get(`${server.url}/api/v1/notifications?limit=200`)).json()) as NotificationListDto
    const issued = list.items.find((n) => n.kind === 'directive.issued')!
    expect(issued.params?.unitName).toBe('Bệnh viện Bạch Mai')
    await expectVisible(page.getByTestId('notification').getByText(issued.title))
    expect(issued.title).toMatch(/^Văn bản mới: /)
    await screenshot(page, 'notifications-desktop-vi')
    await page.evaluate(() => localStorage.setItem('bvct.lang', 'en'))
    await page.reload()
    await expectVisible(page.getByTestId('notification').getByText(`New directive: ${issued.params?.number}`))
    await expect(page.locator('body').innerText()).resolves.not.toContain('Văn bản mới')
    await page.evaluate(() => localStorage.setItem('bvct.lang', 'vi'))
  })

  it('lets the officer turn one kind of e-mail off and choose English e-mails, kept after a reload (390×844)', async () => {
    const page = await open('officer.bvbm', '/notifications', PHONE)
    await page.getByRole('tab', { name: 'Cài đặt nhận thông báo' }).click()
    const settings = page.getByTestId('notification-settings')
    await expectVisible(settings)
    const returned = settings.getByRole('switch', { name: 'Kế hoạch bị trả lại: Gửi qua thư điện tử' })
    expect(await returned.getAttribute('aria-checked')).toBe('true')
    await returned.click()
    await expectVisible(page.getByText('Đã lưu cài đặt'))
    await settings.getByText('English', { exact: true }).click()
    await expect.poll(async () => (await (await page.request.get(`${server.url}/api/v1/me/notification-settings`)).json()).mailLanguage).toBe('en')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'notifications-phone-settings')
    await page.reload()
    await page.getByRole('tab', { name: 'Cài đặt nhận thông báo' }).click()
    await expect.poll(() => settings.getByRole('switch', { name: 'Kế hoạch bị trả lại: Gửi qua thư điện tử' }).getAttribute('aria-checked')).toBe('false')
    expect(await settings.getByRole('switch', { name: 'Kế hoạch được chấp nhận: Gửi qua thư điện tử' }).getAttribute('aria-checked')).toBe('true')
  })
})
