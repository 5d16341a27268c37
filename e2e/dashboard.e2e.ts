import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MatrixDto } from '../contract/dashboard.ts'
import type { DirectiveSummaryDto } from '../contract/directives.ts'
import { behindUnits, columnTotals, headingLabel, overallTotals, shortLabel } from '../web/features/dashboard/matrix-rows.ts'
import { DESKTOP, expectVisible, launchBrowser, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

describe('the dashboard where leaders look: whole names, short headings, readable totals, the units behind on a phone', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'dashboard'))

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
    // No script error and no 5xx on any page of the story.
    expect(errors.flat()).toEqual([])
  })

  async function open(username: string, path: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + path, username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }

  async function get<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${server.url}/api/v1${path}`)
    expect(res.status(), path).toBe(200)
    return (await res.json()) as T
  }

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(dashboard|directives|nav|common)\.[a-z][A-Za-z]*\b/)

  /** The latest issued directive, as the "Theo dõi" entry picks it. */
  async function latestIssued(page: Page): Promise<DirectiveSummaryDto> {
    const list = await get<{ items: DirectiveSummaryDto[] }>(page, '/directives?status=issued&limit=200')
    const latest = [...list.items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id)[0]
    expect(latest).toBeDefined()
    return latest
  }

  it('the board opens "Theo dõi" at 1366×768: whole unit names, short headings, totals as the API counts them', async () => {
    const page = await open('board', '/home')
    await page.getByRole('menuitem', { name: 'Theo dõi' }).click()
    const directive = await latestIssued(page)
    await page.waitForURL(`**/directives/${directive.id}/dashboard`)
    const matrix = await get<MatrixDto>(page, `/directives/${directive.id}/matrix`)
    expect(matrix.rows.length).toBeGreaterThan(1)

    const names = page.locator('.bvct-matrix .ant-table-row .bvct-unit-name')
    await expectVisible(names.first())
    // No name is cut: each fits its cell, wrapped if need be.
    const cut = await names.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent))
    expect(cut).toEqual([])
    expect(await names.count()).toBeGreaterThan(1)
    // The longest name on screen is shown whole.
    const shown = await names.allInnerTexts()
    const longest = [...shown].sort((a, b) => b.length - a.length)[0]
    expect(matrix.rows.map((r) => r.unitName)).toContain(longest)

    // The menu shows where the board is: "Theo dõi", not "Văn bản chỉ đạo".
    await expectVisible(page.locator('.ant-menu-item-selected').getByText('Theo dõi', { exact: true }))
    expect(await page.locator('.ant-menu-item-selected').count()).toBe(1)

    // Headings: number and the first words of each requirement, not only "1…9".
    const heads = page.getByTestId('requirement-head')
    expect(await heads.count()).toBe(matrix.requirements.length)
    // Every requirement column is on screen beside the unit at 1366 px with the menu open: no sideways scroll to reach 7–9.
    const rightEdges = await heads.evaluateAll((els) => els.map((e) => e.closest('th')!.getBoundingClientRect().right))
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth))
    const headTexts = await heads.allInnerTexts()
    matrix.requirements.forEach((q, i) => {
      const text = headTexts[i].replace(/\s+/g, ' ').trim()
      expect(text).toContain(headingLabel(q.text))
      expect(text.length).toBeGreaterThan(6)
    })
    // The full text on hover, and on keyboard focus.
    await heads.first().hover()
    await expectVisible(page.locator('.ant-tooltip').getByText(matrix.requirements[0].text.slice(0, 30), { exact: false }))
    await page.mouse.move(1300, 20)
    await heads.nth(1).focus()
    await expectVisible(page.locator('.ant-tooltip').getByText(matrix.requirements[1].text.slice(0, 30), { exact: false }))
    await heads.nth(1).blur()

    // The totals row: per requirement done/total and overdue, as the API counts them, and the overall.
    // Read after the server's first job tick has rolled the figures to today (it runs seconds after
    // start): the page and the API then see the same day's figures.
    await page.reload()
    const totals = page.getByTestId('totals-cell')
    await expectVisible(totals.first())
    Object.assign(matrix, await get<MatrixDto>(page, `/directives/${directive.id}/matrix`))
    expect(await totals.count()).toBe(matrix.totals.length)
    for (let i = 0; i < matrix.totals.length; i++) {
      const want = columnTotals(matrix.totals[i].counts)
      const cell = totals.nth(i)
      expect(await cell.innerText()).toBe(`Xong ${want.done}/${want.total}\nQuá hạn ${want.overdue}`)
    }
    const overall = overallTotals(matrix.totals)
    expect(await page.getByTestId('totals-overall').innerText()).toBe(`${matrix.requirements.length} yêu cầu: ${overall.done}/${overall.total} lượt hoàn thành, ${overall.overdue} quá hạn`)

    // Compact rows: many units in view under a header that stays put.
    expect(await page.locator('.bvct-matrix .ant-table-row').count()).toBeGreaterThanOrEqual(Math.min(10, matrix.rows.length))
    await noRawKeys(page)
    // Off the heading, so the tooltip does not cover the screenshot.
    await page.mouse.move(1300, 20)
    await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0)
    await screenshot(page, 'dashboard-1-desktop')
    await page.locator('.bvct-matrix .ant-table-tbody-virtual-holder').evaluate((el) => el.scrollBy(0, 400))
    await expectVisible(page.getByTestId('requirement-head').first())
    await screenshot(page, 'dashboard-2-desktop-scrolled')
  }, 180_000)

  it('on a phone (390×844) the board sees the units behind, worst first, as the API ranks them, each with its plan', async () => {
    const page = await open('board', '/follow-up', PHONE)
    const directive = await latestIssued(page)
    await page.waitForURL(`**/directives/${directive.id}/dashboard`)
    const ranked = await get<MatrixDto>(page, `/directives/${directive.id}/matrix?flat=1&sort=overdue`)
    const tree = await get<MatrixDto>(page, `/directives/${directive.id}/matrix`)
    const want = behindUnits(ranked.rows, tree.rows)
    expect(await page.locator('.bvct-matrix').count()).toBe(0)
    if (want.length === 0) {
      await expectVisible(page.getByTestId('behind-none'))
    } else {
      const items = page.getByTestId('behind-unit')
      await expectVisible(items.first())
      expect(await items.count()).toBe(want.length)
      const ids = await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-unit-id'))))
      expect(ids).toEqual(want.map((b) => b.row.unitId))
      // Worst first: overdue counts never rise down the list.
      const overdue = want.map((b) => b.overdue)
      expect(overdue).toEqual([...overdue].sort((a, b) => b - a))
      const first = items.first()
      expect(await first.innerText()).toContain(want[0].row.unitName)
      if (want[0].parentName) expect(await first.innerText()).toContain(want[0].parentName)
      if (want[0].overdue) expect(await first.innerText()).toContain(`${want[0].overdue} việc quá hạn`)
      for (const i of want[0].requirements) expect(await first.innerText()).toContain(shortLabel(ranked.requirements[i].text, 4, 28))
      // A sub-unit is named with its parent somewhere in the list.
      const withParent = want.findIndex((b) => b.parentName)
      if (withParent >= 0) expect(await items.nth(withParent).innerText()).toContain(want[withParent].parentName!)
      await screenshot(page, 'dashboard-3-phone')
      // The unit's plan is one tap away.
      const link = first.getByRole('link').first()
      if (await link.count()) {
        await link.click()
        await page.waitForURL(`**/directives/${directive.id}/units/${want[0].row.unitId}/plan`)
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await noRawKeys(page)
  }, 180_000)
})
