import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { INDICATORS, type IndicatorUnitsDto, type OverviewDto } from '../contract/overview.ts'
import { formatValue, fractionOf } from '../web/features/overview/overview-lines.ts'
import { DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

describe("the committee's overview: nine requirements, trends, drill-down to the units, exports", () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'overview'))

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

  /** What the page's own session gets from the API. */
  async function get<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${server.url}/api/v1${path}`)
    expect(res.status(), path).toBe(200)
    return (await res.json()) as T
  }

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(overview|nav|common|reports)\.[a-z][A-Za-z]*\b/)

  /** Every line and every indicator as the API has it: the figure, n/d, or "not tracked yet" and never a number. */
  async function expectLinesMatch(page: Page, overview: OverviewDto, lang: 'vi' | 'en') {
    for (let r = 1; r <= 9; r++) await expectVisible(page.getByTestId(`requirement-${r}`))
    expect(await page.locator('[data-testid^="indicator-"][data-tracked]').count()).toBe(INDICATORS.length)
    for (const i of overview.indicators) {
      const row = page.getByTestId(`indicator-${i.key}`)
      // Each indicator sits on its requirement's line.
      expect(await page.getByTestId(`requirement-${i.requirement}`).getByTestId(`indicator-${i.key}`).count(), i.key).toBe(1)
      expect(await row.getAttribute('data-tracked'), i.key).toBe(String(i.tracked))
      const text = await row.innerText()
      if (!i.tracked) {
        expect(text, i.key).toContain(lang === 'vi' ? 'Chưa theo dõi' : 'Not tracked yet')
        expect(text, i.key).not.toMatch(/\d/)
        continue
      }
      const shown = formatValue(i.kind, i.value, lang)
      if (shown === null) expect(text, i.key).toContain(lang === 'vi' ? 'Chưa có gì để tính' : 'Nothing to measure yet')
      else expect(await row.getByTestId('indicator-value').innerText(), i.key).toBe(shown)
      const fraction = fractionOf(i)
      if (fraction) expect(await row.getByTestId('indicator-fraction').innerText(), i.key).toBe(fraction)
      // A tracked indicator with a figure this month draws its trend with the charting library.
      if (i.trend.some((p) => p.value !== null)) await expectVisible(row.locator('[data-testid="trend-chart"] svg.recharts-surface'))
    }
  }

  it('shows the committee one line per requirement, each indicator as the API computes it, untracked ones said so', async () => {
    const page = await open('committee', '/')
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click()
    await page.waitForURL('**/overview')
    await expectVisible(page.getByRole('heading', { name: 'Tổng quan công tác bảo vệ chính trị nội bộ' }))
    const overview = await get<OverviewDto>(page, '/overview')
    expect(overview.indicators).toHaveLength(INDICATORS.length)
    await expectLinesMatch(page, overview, 'vi')
    // Dates dd/MM/yyyy.
    const [y, m, d] = overview.asOf.split('-')
    expect(await page.getByTestId('overview-as-of').innerText()).toBe(`Số liệu đến ngày ${d}/${m}/${y}`)
    // At least the features that have landed before this one are tracked (reports, directives).
    const tracked = overview.indicators.filter((i) => i.tracked).map((i) => i.key)
    expect(tracked).toEqual(expect.arrayContaining(['directives_acknowledged_on_time', 'reports_on_time']))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'overview-1-desktop')
  }, 180_000)

  it('drills an indicator down to the units behind it, worst first, one level further, and links to the page that fixes it', async () => {
    const page = await open('committee', '/overview')
    await expectVisible(page.getByTestId('requirement-9'))
    const row = page.getByTestId('indicator-reports_on_time')
    await row.getByTestId('open-units').click()
    const drawer = page.getByTestId('overview-units')
    await expectVisible(drawer.getByText('Đơn vị có số liệu kém nhất ở trên cùng', { exact: false }))
    const scope = await get<IndicatorUnitsDto>(page, '/overview/reports_on_time/units')
    expect(scope.items.length).toBeGreaterThan(0)
    // A scope of one unit (the committee's: the ministry) opens straight on the units under it.
    const single = scope.items.length === 1 && scope.items[0].hasChildren ? scope.items[0] : null
    const top = single ? await get<IndicatorUnitsDto>(page, `/overview/reports_on_time/units?under=${single.unitId}`) : scope
    const list = drawer.getByTestId('overview-unit-list')
    const crumbs = drawer.locator('.bvct-ov-crumbs')
    const listShows = (items: IndicatorUnitsDto['items']) =>
      page.waitForFunction(
        (codes) => JSON.stringify([...document.querySelectorAll('[data-testid="overview-unit-list"] li')].map((e) => e.getAttribute('data-unit-code'))) === JSON.stringify(codes),
        items.map((u) => u.unitCode),
      )
    // The same units in the same (worst-first) order as the API.
    await listShows(top.items)
    if (single) await expectVisible(crumbs.getByText(single.unitName))
    const worst = top.items[0]
    expect(await list.locator('li').first().innerText()).toContain(formatValue(top.kind, worst.value) ?? 'Chưa có gì để tính')
    expect(await drawer.getByRole('link', { name: 'Mở trang xử lý' }).getAttribute('href')).toBe('/reports')
    await screenshot(page, 'overview-2-drill-top')

    // One level down: the units under the first one that has any, again as the API orders them.
    const parent = top.items.find((u) => u.hasChildren)
    expect(parent, 'a unit with units under it').toBeTruthy()
    await list.locator(`li[data-unit-code="${parent!.unitCode}"]`).getByRole('button').click()
    const below = await get<IndicatorUnitsDto>(page, `/overview/reports_on_time/units?under=${parent!.unitId}`)
    await expectVisible(crumbs.getByText(parent!.unitName))
    await listShows(below.items)
    const shown = await list.locator('li').first().innerText()
    const first = below.items[0]
    expect(shown).toContain(first.unitName)
    expect(shown).toContain(formatValue(below.kind, first.value) ?? 'Chưa có gì để tính')
    await screenshot(page, 'overview-3-drill-below')

    // Back to the top of the scope, then to the page that fixes it.
    await crumbs.getByRole('button', { name: 'Phạm vi của tôi' }).click()
    await listShows(scope.items)
    await drawer.getByRole('link', { name: 'Mở trang xử lý' }).click()
    await page.waitForURL('**/reports')
  }, 180_000)

  it('narrows to one unit with the picker, and downloads the .xlsx and the .docx brief', async () => {
    const page = await open('committee', '/overview')
    await expectVisible(page.getByTestId('requirement-1'))
    // A unit one level below the committee's scope, with units under it.
    const scope = await get<IndicatorUnitsDto>(page, '/overview/reports_on_time/units')
    const top = scope.items.length === 1 ? await get<IndicatorUnitsDto>(page, `/overview/reports_on_time/units?under=${scope.items[0].unitId}`) : scope
    const unit = top.items.find((u) => u.hasChildren) ?? top.items[0]

    const picker = page.locator('.bvct-ov .ant-select').first()
    await picker.click()
    await page.keyboard.type(unit.unitCode)
    const answer = page.waitForResponse((r) => r.url().includes(`/api/v1/overview?under=${unit.unitId}`) && r.status() === 200)
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: unit.unitName }).first().click()
    const narrowed = (await (await answer).json()) as OverviewDto
    expect(narrowed.unitId).toBe(unit.unitId)
    await expectLinesMatch(page, narrowed, 'vi')

    // The drill-down of the narrowed page starts at that unit.
    await page.getByTestId('indicator-reports_on_time').getByTestId('open-units').click()
    await expectVisible(page.getByTestId('overview-units').locator('.bvct-ov-crumbs').getByText(unit.unitName))
    await page.getByTestId('overview-units').locator('.ant-drawer-close').click()

    for (const [testId, ext] of [['download-overview-xlsx', 'xlsx'], ['download-overview-docx', 'docx']]) {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()])
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`))
      // .xlsx and .docx are zip files.
      expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK')
    }
  }, 180_000)

  it('reads in English once switched and fits a phone (390×844), drill-down included', async () => {
    const page = await open('board', '/overview', PHONE)
    await expectVisible(page.getByTestId('requirement-9'))
    const overview = await get<OverviewDto>(page, '/overview')
    await expectLinesMatch(page, overview, 'vi')
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'overview-4-phone')
    await page.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(page.getByRole('heading', { name: 'Internal political protection: overview' }))
    await expectLinesMatch(page, overview, 'en')
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'overview-5-phone-en')
    await page.getByTestId('indicator-directives_acknowledged_on_time').getByTestId('open-units').click()
    await expectVisible(page.getByTestId('overview-unit-list'))
    await noSidewaysScroll(page)
    await screenshot(page, 'overview-6-phone-drill')
  }, 180_000)
})
