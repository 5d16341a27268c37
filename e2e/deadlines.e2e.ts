import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dayFromNow, DESKTOP, expectHidden, expectVisible, launchBrowser, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

// Deadlines written in the letter count: the board pastes a letter whose first requirement carries
// its own date, sees it proposed, issues; an officer plans an action due later and is warned.

const LETTER_DAY = dayFromNow(0)
const REQUIREMENT_DEADLINE = dayFromNow(30)
const LATE_DUE = dayFromNow(60)
const [d, m, y] = LETTER_DAY.split('/')

const LETTER = `BAN CÁN SỰ ĐẢNG BỘ Y TẾ

ĐẢNG CỘNG SẢN VIỆT NAM

Số 2077 - CV/BCSĐ

Hà Nội, ngày ${d} tháng ${m} năm ${y}

V/v Rà soát hồ sơ bảo vệ chính trị nội bộ

Kính gửi: Các đơn vị thuộc và trực thuộc Bộ Y tế

Ban cán sự đảng Bộ Y tế đề nghị các đơn vị thực hiện một số nội dung sau:

1. Rà soát hồ sơ bảo vệ chính trị nội bộ của cán bộ thuộc diện quản lý, hoàn thành trước ngày ${REQUIREMENT_DEADLINE}.

2. Thường xuyên nắm tình hình tư tưởng của cán bộ, đảng viên.

Nơi nhận:
- Như trên;
- Lưu VP.

T/M BAN CÁN SỰ ĐẢNG
BÍ THƯ`

describe('a requirement\'s own deadline, from the letter to the unit\'s plan', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let directiveId = 0

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'deadlines'))
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

  it('the board pastes the letter, sees the proposed deadline with its words, and issues it', async () => {
    const page = await open('board', '/directives')
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click()
    await page.getByTestId('paste-text').fill(LETTER)
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click()
    const form = page.getByTestId('directive-form')
    await expectVisible(form)
    const [first, second] = [form.getByTestId('requirement').nth(0), form.getByTestId('requirement').nth(1)]
    expect(await first.getByLabel('Hạn của yêu cầu').inputValue()).toBe(REQUIREMENT_DEADLINE)
    await expectVisible(first.getByTestId('deadline-phrase').getByText(`Đề xuất từ văn bản: «hoàn thành trước ngày ${REQUIREMENT_DEADLINE}»`))
    // The undated requirement stays undated.
    expect(await second.getByLabel('Hạn của yêu cầu').inputValue()).toBe('')
    await first.scrollIntoViewIfNeeded()
    await screenshot(page, 'deadlines-1-register-desktop')

    await page.getByRole('button', { name: 'Lưu dự thảo' }).click()
    const header = page.getByTestId('directive-header')
    await expectVisible(header.getByText('Dự thảo'))
    directiveId = Number(/\/directives\/(\d+)$/.exec(page.url())?.[1])
    expect(directiveId).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Ban hành' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Ban hành' }).click()
    await expectVisible(page.getByText(/^Đã ban hành tới \d+ đơn vị$/))
    await expectHidden(dialog)
    await expectVisible(page.getByTestId('requirement-deadline').getByText(`Hạn: ${REQUIREMENT_DEADLINE}`))
    expect(await page.getByTestId('requirement-deadline').count()).toBe(1)
  }, 180_000)

  it('the officer of Bạch Mai sets a later due date: warned while choosing it, and on the saved action', async () => {
    const page = await open('officer.bvbm', `/directives/${directiveId}`)
    await page.getByTestId('my-unit-BVBM').getByRole('button', { name: 'Kế hoạch' }).click()
    const requirements = page.getByTestId('plan-requirement')
    await expectVisible(requirements.first())
    await expectVisible(requirements.nth(0).getByTestId('requirement-deadline').getByText(`Hạn trong văn bản: ${REQUIREMENT_DEADLINE}`))
    expect(await requirements.nth(1).getByTestId('requirement-deadline').count()).toBe(0)

    await requirements.nth(0).getByTestId('add-action').click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await expectVisible(drawer)
    await drawer.getByLabel('Nội dung nhiệm vụ').fill('Rà soát hồ sơ của cán bộ thuộc diện Bệnh viện quản lý')
    await drawer.getByLabel('Hạn hoàn thành').fill(LATE_DUE)
    await drawer.getByLabel('Hạn hoàn thành').press('Enter')
    await expectVisible(drawer.getByTestId('due-after-requirement-deadline'))
    await screenshot(page, 'deadlines-2-drawer-warning-desktop')
    await drawer.getByTestId('action-save').click()
    await expectHidden(drawer)
    // Saved, not refused; the warning stays on the action.
    const action = requirements.nth(0).getByTestId('plan-action')
    await expectVisible(action.getByTestId('after-requirement-deadline').getByText(new RegExp(`hạn của yêu cầu trong văn bản \\(${REQUIREMENT_DEADLINE}\\)`)))
    await expectHidden(page.locator('.ant-message-notice'))
    await requirements.nth(0).scrollIntoViewIfNeeded()
    await screenshot(page, 'deadlines-3-plan-warning-desktop')
  }, 180_000)

  it('fits a phone: the warning on the plan and the register form without sideways scroll (390×844)', async () => {
    const page = await open('officer.bvbm', `/directives/${directiveId}`, PHONE)
    await page.getByTestId('my-unit-BVBM').getByRole('button', { name: 'Kế hoạch' }).click()
    const first = page.getByTestId('plan-requirement').nth(0)
    await expectVisible(first.getByTestId('after-requirement-deadline'))
    await first.getByTestId('plan-action').scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'deadlines-4-plan-warning-phone')

    const board = await open('board', '/directives', PHONE)
    await board.getByRole('button', { name: 'Đăng ký văn bản' }).click()
    await board.getByTestId('paste-text').fill(LETTER)
    await board.getByRole('button', { name: 'Phân tích văn bản' }).click()
    const req = board.getByTestId('directive-form').getByTestId('requirement').nth(0)
    await expectVisible(req.getByTestId('deadline-phrase'))
    await req.scrollIntoViewIfNeeded()
    expect(await board.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(board, 'deadlines-5-register-phone')
    const raw = await board.locator('body').innerText()
    expect(raw).not.toMatch(/directives\.req|plans\.(requirement|after)/)

    for (const e of errors) expect(e).toEqual([])
  }, 180_000)
})
