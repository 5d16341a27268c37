import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ParserAccuracyDto } from '../contract/parser-accuracy.ts'
import { DESKTOP, PHONE, ROOT, expectVisible, launchBrowser, openSignedIn, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

// Issue 15, points 6 and 8: the board confirms a parsed letter after correcting its subject, and
// the administrator sees that correction counted on the parser accuracy page; a scanned letter is
// read with OCR and its doubtful fields are flagged on the confirm screen.

const LETTER = `ĐẢNG ỦY BỘ Y TẾ
*
Số 77-CV/ĐU
Hà Nội, ngày 02 tháng 12 năm 2026

V/v rà soát
công tác bảo vệ chính trị nội bộ

Kính gửi: Các chi bộ trực thuộc

1. Rà soát lý lịch đảng viên.
2. Báo cáo kết quả về Văn phòng Đảng ủy.

Nơi nhận:
- Như trên,
- Lưu VP.`

const CORRECTED = 'Rà soát công tác bảo vệ chính trị nội bộ năm 2026'

describe('parser accuracy from the corrections people make', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'parser-accuracy'))
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.close()
  })

  async function open(username: string, path: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + path, username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }

  it('the board pastes a letter, corrects the subject the parser read, and saves it', async () => {
    const page = await open('board', '/directives/new')
    await page.getByTestId('paste-text').fill(LETTER)
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click()
    const form = page.getByTestId('directive-form')
    await expectVisible(form)
    const subject = form.getByLabel('Trích yếu')
    expect(await form.getByLabel('Số, ký hiệu').inputValue()).toBe('77-CV/ĐU')
    expect(await subject.inputValue()).not.toBe(CORRECTED)
    await subject.fill(CORRECTED)
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click()
    await expectVisible(page.getByTestId('directive-header').getByText('Dự thảo'))
    await expectVisible(page.getByText(CORRECTED))
  })

  it('the administrator opens "Độ chính xác bộ đọc văn bản" from the menu and sees the subject corrected once', async () => {
    const page = await open('admin', '/home')
    await page.getByRole('menuitem', { name: 'Độ chính xác bộ đọc' }).click()
    await page.waitForURL('**/admin/parser-accuracy')
    await expectVisible(page.getByRole('heading', { name: 'Độ chính xác bộ đọc văn bản' }).or(page.getByText('Độ chính xác bộ đọc văn bản').first()))
    const table = page.getByTestId('accuracy-table')
    await expectVisible(table)
    // The demo's letter, registered two months ago with its number corrected, is in the window too.
    const api = (await (await page.request.get(`${server.url}/api/v1/admin/parser-accuracy`)).json()) as ParserAccuracyDto
    expect(api.total.reviewed).toBe(2)
    expect(await page.getByTestId('reviewed-total').textContent()).toContain(String(api.total.reviewed))
    const row = (label: string) => table.locator('.ant-table-row', { has: page.getByText(label, { exact: true }) })
    // This month (the column after the window's): the letter pasted above, its subject corrected (0 %, 1 of 1), its number kept (100 %).
    expect(await row('Trích yếu').locator('td').nth(2).textContent()).toBe('0%sửa 1/1')
    expect(await row('Số, ký hiệu').locator('td').nth(2).textContent()).toBe('100%sửa 0/1')
    // The window: each of the two corrected once of two letters.
    expect(await row('Trích yếu').locator('td').nth(1).textContent()).toBe('50%sửa 1/2')
    expect(await row('Số, ký hiệu').locator('td').nth(1).textContent()).toBe('50%sửa 1/2')
    expect(await row('Trích yếu').locator('td').count()).toBe(2 + api.periods.length)
    await screenshot(page, 'parser-accuracy-desktop')
    expect(errors.flat()).toEqual([])
  })

  it('shows the same figures on a phone', async () => {
    const page = await open('admin', '/admin/parser-accuracy', PHONE)
    await expectVisible(page.getByTestId('accuracy-table'))
    await expectVisible(page.getByText('sửa 1/1').first())
    await screenshot(page, 'parser-accuracy-phone')
  })

  it('reads an uploaded scan with OCR and flags the fields it was unsure of on the confirm screen', async () => {
    const page = await open('board', '/directives/new')
    await page.getByRole('tab', { name: 'Tải tệp lên' }).click()
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/ocr/state-cv-byt-scan.pdf'))
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click()
    const form = page.getByTestId('directive-form')
    await expectVisible(form, 90_000)
    await expectVisible(page.getByTestId('ocr-summary'))
    expect(await page.getByTestId('ocr-summary').textContent()).toMatch(/Đọc bằng OCR từ 2 trang quét, độ tin cậy trung bình \d+%.*Số, ký hiệu \(\d+%\)/)
    expect(await form.getByLabel('Số, ký hiệu', { exact: false }).first().inputValue()).toBe('4737/BYT-VPB1')
    await expectVisible(form.getByTestId('ocr-low-number'))
    expect(await form.locator('.bvct-ocr-low').count()).toBeGreaterThan(0)
    await screenshot(page, 'parser-accuracy-ocr-confirm')
  }, 120_000)
})
