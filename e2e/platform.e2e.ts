import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption, collectPageErrors, expectHidden, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, signIn, startServer, type TestServer } from './helpers.ts'

// A code nobody else has, so the story also passes on a reused PostgreSQL database.
const NEW_UNIT = { name: 'Khoa Thử nghiệm Tự động', code: `E2E-${Date.now().toString(36).toUpperCase()}` }

describe('the web app, end to end', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('lets an administrator grow the unit tree, find units without diacritics, switch to English, and an auditor see it in the log (1366×768)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    const errors = collectPageErrors(page)

    await page.goto(server.url + '/')
    await expectVisible(page.getByRole('heading', { name: 'Đăng nhập' }))
    await screenshot(page, 'desktop-1-sign-in')
    // The tree is read a level at a time (GET /units/children), not as every unit at once.
    const levels: string[] = []
    page.on('request', (r) => void (r.url().includes('/api/v1/units/children') && levels.push(new URL(r.url()).search)))
    await signIn(page, 'admin')

    // The unit tree opens first, in Vietnamese.
    await expectVisible(page.getByRole('tree'))
    const bachMai = page.getByRole('tree').getByText('Bệnh viện Bạch Mai', { exact: true })
    await expectVisible(bachMai)
    await bachMai.click()
    const details = page.getByTestId('unit-details')
    await expectVisible(details.getByText('BVBM', { exact: true }))
    await screenshot(page, 'desktop-2-unit-tree')

    // Create a child unit under it.
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click()
    const dialog = page.getByRole('dialog')
    await expectVisible(dialog.getByText('Thêm đơn vị trực thuộc Bệnh viện Bạch Mai'))
    await dialog.getByLabel('Tên đơn vị').fill(NEW_UNIT.name)
    await dialog.getByLabel('Mã đơn vị').fill(NEW_UNIT.code)
    await dialog.getByRole('button', { name: 'Tạo mới' }).click()
    await expectVisible(page.getByText(`Đã tạo đơn vị ${NEW_UNIT.name}`))
    await expectHidden(dialog)
    await expectVisible(details.getByText(NEW_UNIT.code, { exact: true }))
    await expectVisible(details.getByText('Khoa, phòng'))
    // The new unit shows in the tree under Bạch Mai, whose level was read again.
    await expectVisible(page.getByRole('tree').getByText(NEW_UNIT.name, { exact: true }))
    expect(levels[0]).toBe('')
    expect(levels.some((q) => q.includes('parentId='))).toBe(true)
    await screenshot(page, 'desktop-3-unit-created')

    // Search without diacritics finds "Bạch Mai" and hides what does not match.
    const search = page.getByPlaceholder('Tìm đơn vị theo tên hoặc mã (gõ không dấu cũng được)')
    await search.fill('bach mai')
    await expectVisible(page.getByRole('tree').locator('mark', { hasText: 'Bạch Mai' }))
    await expectHidden(page.getByRole('tree').getByText('Bệnh viện Chợ Rẫy'))
    await search.fill('thu nghiem tu dong')
    await expectVisible(page.getByRole('tree').locator('mark', { hasText: 'Thử nghiệm Tự động' }))
    expect(await page.getByRole('tree').getByRole('treeitem').count()).toBe(3) // Bộ Y tế › Bạch Mai › the new unit
    await screenshot(page, 'desktop-4-search')

    // English: menu, page, kind tags and buttons; the choice survives a reload.
    await page.getByText('EN', { exact: true }).click()
    await expectVisible(page.getByRole('menuitem', { name: 'People' }))
    await expectVisible(page.getByText('Unit tree').first())
    await expectVisible(details.getByText('Sub-unit'))
    await expectVisible(details.getByRole('button', { name: 'Add sub-unit' }))
    await page.reload()
    await expectVisible(page.getByRole('menuitem', { name: 'Accounts and roles' }))
    await expectVisible(page.getByPlaceholder('Find a unit by name or code (diacritics optional)'))
    await screenshot(page, 'desktop-5-english')

    // The server answers in English too (Accept-Language follows the switch).
    await page.getByRole('button', { name: 'My account' }).click()
    await page.getByRole('menuitem', { name: 'Change password' }).click()
    await page.getByLabel('Current password', { exact: true }).fill('not-my-password-1')
    await page.getByLabel('New password', { exact: true }).fill('Another-pass-2024')
    await page.getByLabel('Repeat the new password', { exact: true }).fill('Another-pass-2024')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expectVisible(page.getByText('Current password is wrong'))

    // Sign out, back to Vietnamese on the sign-in page, and in as the auditor.
    await page.getByRole('button', { name: 'My account' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await expectVisible(page.getByRole('heading', { name: 'Sign in' }))
    await page.getByText('VI', { exact: true }).click()
    await signIn(page, 'auditor')
    await expectHidden(page.getByRole('menuitem', { name: 'Tài khoản và vai trò' }))
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click()
    await page.waitForURL('**/audit')

    // The unit creation is there, by admin, with what was created.
    const row = page.getByRole('row').filter({ hasText: 'Tạo mới' }).filter({ hasText: 'Đơn vị' }).filter({ hasText: 'admin' })
    await expectVisible(row)
    await row.first().getByRole('button').first().click() // expand
    const diff = page.getByTestId('audit-diff')
    await expectVisible(diff.getByText(NEW_UNIT.name))
    await expectVisible(diff.getByText(NEW_UNIT.code))
    await expectVisible(diff.getByText('Khoa, phòng'))
    await screenshot(page, 'desktop-6-audit')

    expect(errors).toEqual([])
    await context.close()
  })

  it("serves the app's files compressed once at build time, hashed assets cached for a year and the page revalidated", async () => {
    const page = await fetch(server.url + '/', { headers: { 'accept-encoding': 'br' } })
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const html = await page.text()
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeTruthy()
    // Node's fetch decodes the body itself; the headers say what travelled.
    const br = await fetch(server.url + script, { headers: { 'accept-encoding': 'br' } })
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const identity = await fetch(server.url + script, { headers: { 'accept-encoding': 'identity' } })
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(await br.text()).toBe(await identity.text())
  })

  it('opens the menu from the header on a phone-sized screen (390×844)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const errors = collectPageErrors(page)

    await page.goto(server.url + '/')
    await signIn(page, 'admin')
    await expectVisible(page.getByRole('tree'))
    // No side menu on a phone: it lives in a drawer behind the header button.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0)
    await screenshot(page, 'phone-1-units')

    await page.getByRole('button', { name: 'Mở menu' }).click()
    const people = page.getByRole('menuitem', { name: 'Cán bộ, nhân sự' })
    await expectVisible(people)
    await expectVisible(page.getByRole('menuitem', { name: 'Tài khoản và vai trò' }))
    await screenshot(page, 'phone-2-menu')
    await people.click()
    await page.waitForURL('**/people')
    await expectHidden(page.locator('.ant-drawer-content'))
    await expectVisible(page.getByRole('cell').first())
    await screenshot(page, 'phone-3-people')

    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the administrator the scheduled jobs in words, each with its last run, and the runs of one job (1366×768 and 390×844)', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, PHONE]) {
      const { context, page, errors } = await openSignedIn(browser, server.url + '/admin/jobs', 'admin', viewport)
      const jobs = page.getByTestId('jobs')
      // The daily sweep by its Vietnamese name and what it does, not only its code name.
      const sweep = jobs.getByRole('row').filter({ hasText: 'overdueSweep' })
      await expectVisible(sweep.getByText('Thông báo việc quá hạn'))
      await expectVisible(sweep.getByText('một bản tổng hợp cho mỗi đơn vị mỗi ngày', { exact: false }))
      // Embedded mode runs the due jobs soon after the start, and the page refreshes every half
      // minute: the sweep's last run shows as done.
      await expectVisible(sweep.getByText('Hoàn thành'), 60_000)
      if (viewport === PHONE) {
        await noSidewaysScroll(page)
        await screenshot(page, 'phone-4-jobs')
      } else {
        await chooseOption(page, page.getByTestId('jobs-filter-job'), '', 'overdueSweep')
        const runs = page.getByTestId('job-runs').locator('tbody tr.ant-table-row')
        // The list follows the filter once the server answers: then every run is the sweep's.
        await expectHidden(runs.filter({ hasNotText: 'overdueSweep' }))
        await expectVisible(runs.first())
        for (const job of await runs.locator('td:first-child').allInnerTexts()) expect(job).toBe('Thông báo việc quá hạn overdueSweep')
        await screenshot(page, 'desktop-7-jobs')
      }
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
