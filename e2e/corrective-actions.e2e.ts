import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CorrectiveDto, CorrectiveSummaryDto } from '../contract/corrective-actions.ts'
import type { IndicatorDto, OverviewDto } from '../contract/overview.ts'
import { fractionOf, formatValue } from '../web/features/overview/overview-lines.ts'
import { DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

// A corrective action of Bạch Mai from the demo inspection's conclusion, open and within its due
// date: closing it today moves the committee's "closed on time" share by one on both sides.
const TITLE = 'Tổ chức tập huấn nghiệp vụ bảo vệ bí mật nhà nước cho văn thư các khoa'
const OFFICER = 'officer.bvbm'
const RETURN_REASON = 'Quy chế mới là dự thảo; đề nghị gửi bản đã ký ban hành.'

describe('a corrective action to closure: the unit reports it with evidence, the board returns it once, then verifies it, and the overview moves', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let actionPath = ''
  let before: IndicatorDto

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'corrective'))

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

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(corrective|nav|common|plans)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)
  const indicator = (o: OverviewDto) => o.indicators.find((i) => i.key === 'corrective_actions_on_time')!

  it("shows the unit its own actions with the counts per timeliness the API gives, and opens one from the list", async () => {
    const committee = await open('committee', '/overview')
    before = indicator(await get<OverviewDto>(committee, '/overview'))
    expect(before.tracked).toBe(true)

    const page = await open(OFFICER, '/')
    await page.getByRole('menuitem', { name: 'Khắc phục sau kiểm tra' }).click()
    await page.waitForURL('**/corrective-actions')
    await expectVisible(page.getByTestId('corrective-table').locator('tbody tr'))
    // A unit sees its own actions only; each count is the API's total for its class.
    const mine = await get<{ items: CorrectiveSummaryDto[]; total: number }>(page, '/corrective-actions?limit=200')
    expect(mine.total).toBeGreaterThan(0)
    expect(mine.items.map((a) => a.unitName)).toContain('Bệnh viện Bạch Mai')
    expect(mine.items.map((a) => a.unitName)).not.toContain('Bệnh viện Chợ Rẫy')
    for (const k of ['done_on_time', 'done_late', 'in_progress_on_time', 'overdue'] as const) {
      const shown = page.getByTestId(`count-${k}`).getByTestId('count-value')
      await page.waitForFunction(([id, n]) => document.querySelector(`[data-testid="count-${id}"] [data-testid="count-value"]`)?.textContent === n, [k, String(mine.items.filter((a) => a.timeliness === k).length)] as const)
      expect(Number(await shown.innerText()), k).toBe(mine.items.filter((a) => a.timeliness === k).length)
    }
    // The overdue count narrows the list to the overdue ones.
    await page.getByTestId('count-overdue').click()
    await page.waitForURL('**/corrective-actions?timeliness=overdue')
    const overdue = mine.items.filter((a) => a.timeliness === 'overdue')
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="corrective-table"] [data-testid="corrective-link"]').length === n, overdue.length)
    await page.getByTestId('count-overdue').click()
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'corrective-1-list-desktop')

    const target = mine.items.find((a) => a.title === TITLE)!
    expect(target.status).toBe('open')
    expect(target.timeliness).toBe('in_progress_on_time')
    await page.getByRole('link', { name: TITLE }).click()
    await page.waitForURL(`**/corrective-actions/${target.id}`)
    actionPath = `/corrective-actions/${target.id}`
    await expectVisible(page.getByTestId('corrective-title').getByText(TITLE))
    // An item of the conclusion not tied to one finding says so; its source links to the inspection.
    await expectVisible(page.getByTestId('corrective-finding').getByText('Nội dung khắc phục ghi trong thông báo kết luận', { exact: false }))
    expect(await page.getByTestId('corrective-finding').getByRole('link').getAttribute('href')).toBe(`/inspections/${target.inspectionId}`)
  }, 240_000)

  it('the unit officer attaches an evidence file and reports the action done', async () => {
    const page = await open(OFFICER, actionPath)
    await expectVisible(page.getByTestId('corrective-title'))
    // Reporting waits for evidence.
    expect(await page.getByTestId('report-done').isDisabled()).toBe(true)
    await page.getByTestId('corrective-evidence').locator('input[type=file]').setInputFiles({ name: 'du-thao-quy-che-duyet-tin.txt', mimeType: 'text/plain', buffer: Buffer.from('Dự thảo quy chế duyệt tin bài\n') })
    await expectVisible(page.getByTestId('evidence-file').getByText('du-thao-quy-che-duyet-tin.txt'))
    await page.getByTestId('report-done').click()
    const dialog = page.getByRole('dialog')
    // Too short a note is refused under its field.
    await dialog.getByLabel('Kết quả khắc phục').fill('ok')
    await dialog.getByRole('button', { name: 'Báo cáo đã khắc phục' }).click()
    await expectVisible(dialog.locator('.ant-form-item-explain-error'))
    await dialog.getByLabel('Kết quả khắc phục').fill('Đã dự thảo quy chế duyệt tin bài, trình Giám đốc ký.')
    await dialog.getByRole('button', { name: 'Báo cáo đã khắc phục' }).click()
    await expectVisible(page.getByTestId('reported-banner'))
    await expectVisible(page.getByTestId('corrective-header').getByText('Đơn vị báo đã khắc phục, chờ xác minh'))
    const saved = await get<CorrectiveDto>(page, actionPath)
    expect(saved.status).toBe('reported')
    expect(saved.evidence.map((f) => f.filename)).toEqual(['du-thao-quy-che-duyet-tin.txt'])
    await screenshot(page, 'corrective-2-reported-desktop')
  }, 180_000)

  it('the board returns it once with a reason, which the unit sees', async () => {
    const board = await open('board', actionPath)
    await expectVisible(board.getByTestId('reported-banner'))
    await board.getByTestId('return-action').click()
    const dialog = board.getByRole('dialog')
    await dialog.getByLabel('Lý do trả lại, còn thiếu gì').fill(RETURN_REASON)
    await dialog.getByRole('button', { name: 'Trả lại' }).click()
    await expectVisible(board.getByTestId('returned-banner').getByText(RETURN_REASON))
    // A returned action cannot be verified until the unit reports again.
    expect(await board.getByTestId('verify-action').count()).toBe(0)

    const unit = await open(OFFICER, actionPath)
    await expectVisible(unit.getByTestId('returned-banner').getByText(RETURN_REASON))
    await unit.getByTestId('report-done').click()
    const again = unit.getByRole('dialog')
    await again.getByLabel('Kết quả khắc phục').fill('Giám đốc đã ký ban hành quy chế duyệt tin bài; gửi kèm bản đã ký.')
    await again.getByRole('button', { name: 'Báo cáo đã khắc phục' }).click()
    await expectVisible(unit.getByTestId('reported-banner'))
  }, 180_000)

  it('the board verifies and closes it; the history keeps both reports and the return; the overview moves by one', async () => {
    const board = await open('board', actionPath)
    await expectVisible(board.getByTestId('reported-banner').getByText('Giám đốc đã ký ban hành', { exact: false }))
    await board.getByTestId('verify-action').click()
    const dialog = board.getByRole('dialog')
    await dialog.getByLabel('Ý kiến xác minh (không bắt buộc)').fill('Đã xem quy chế đã ký, đạt yêu cầu.')
    await dialog.getByRole('button', { name: 'Xác minh, kết thúc' }).click()
    await expectVisible(board.getByTestId('closed-banner'))
    await expectVisible(board.getByTestId('corrective-header').getByText('Hoàn thành đúng hạn'))
    const kinds = await board.getByTestId('history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
    expect(kinds).toEqual(['evidence', 'reported', 'returned', 'reported', 'verified'])
    await expectVisible(board.getByTestId('corrective-history').getByText(RETURN_REASON))
    await noRawKeys(board)
    await screenshot(board, 'corrective-3-closed-desktop')

    // The committee's overview: one more action closed on time, out of one more decided.
    const committee = await open('committee', '/overview')
    const after = indicator(await get<OverviewDto>(committee, '/overview'))
    expect(after.numerator).toBe(before.numerator! + 1)
    expect(after.denominator).toBe(before.denominator! + 1)
    const row = committee.getByTestId('indicator-corrective_actions_on_time')
    await expectVisible(row)
    expect(await row.getByTestId('indicator-fraction').innerText()).toBe(fractionOf(after))
    expect(await row.getByTestId('indicator-value').innerText()).toBe(formatValue(after.kind, after.value))
    expect(fractionOf(after)).not.toBe(fractionOf(before))
  }, 180_000)

  it('fits a phone: the list and the closed action, no sideways scroll', async () => {
    const page = await open(OFFICER, '/corrective-actions', PHONE)
    await expectVisible(page.getByTestId('corrective-table').locator('tbody tr'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'corrective-4-list-phone')
    await page.goto(server.url + actionPath)
    await expectVisible(page.getByTestId('closed-banner'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'corrective-5-closed-phone')
    // In English too, with no message key left untranslated.
    await page.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(page.getByTestId('closed-banner').getByText('Verified and closed on', { exact: false }))
    await expectVisible(page.getByTestId('corrective-finding').getByText('An item of the conclusion notice', { exact: false }))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'corrective-6-closed-phone-en')
  }, 180_000)
})
