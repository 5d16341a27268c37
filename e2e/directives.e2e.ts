import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFromNow, DESKTOP, expectHidden, expectVisible, launchBrowser, openSignedIn, PHONE, ROOT, screenshot, startServer, type TestServer } from './helpers.ts'

const SEED_LETTER = readFileSync(join(ROOT, 'server/db/seed/letters/1946-CV-BCSD.txt'), 'utf8')

describe('a directive from registration to the dashboard', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let directiveId = 0

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.close()
  })

  /** Each person in their own browser context, signed in at `path`. */
  async function open(username: string, path: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + path, username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }

  /** The dashboard row of Bệnh viện Bạch Mai (virtual table rows are plain .ant-table-row elements). */
  const bachMaiRow = (page: Page) => page.locator('.ant-table-row', { has: page.locator('[data-unit-code="BVBM"]') })

  async function cellStatuses(page: Page): Promise<string[]> {
    const row = bachMaiRow(page)
    await expectVisible(row.locator('.bvct-cell'))
    return row.locator('.bvct-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''))
  }

  it('the board registers the seed letter by pasting it, checks it side by side, saves and issues it to all units of the Ministry', async () => {
    const page = await open('board', '/directives')
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click()
    await page.getByTestId('paste-text').fill(SEED_LETTER)
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click()

    // Side by side: the letter as pasted on the left, the parsed fields on the right.
    const form = page.getByTestId('directive-form')
    await expectVisible(form)
    await expectVisible(page.getByTestId('source-text').getByText('Số 1946 - CV/BCSD'))
    expect(await form.getByLabel('Số, ký hiệu').inputValue()).toBe('1946-CV/BCSD')
    expect(await form.getByLabel('Trích yếu').inputValue()).toBe('Tăng cường công tác bảo vệ chính trị nội bộ')
    expect(await form.getByTestId('requirement').count()).toBe(9)
    expect(await form.getByTestId('requirement-total').textContent()).toBe('9 yêu cầu')
    expect(await form.getByTestId('requirement').nth(8).getByLabel('Số thứ tự').inputValue()).toBe('9.')
    await screenshot(page, 'directives-1-register-side-by-side')

    await page.getByRole('button', { name: 'Lưu dự thảo' }).click()
    const header = page.getByTestId('directive-header')
    await expectVisible(header.getByText('Dự thảo'))
    directiveId = Number(/\/directives\/(\d+)$/.exec(page.url())?.[1])
    expect(directiveId).toBeGreaterThan(0)

    // "Kính gửi: Các đơn vị thuộc và trực thuộc Bộ Y tế" ticks "all units of the Ministry" already.
    await page.getByRole('button', { name: 'Ban hành' }).click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.getByRole('checkbox', { name: 'Tất cả các đơn vị thuộc và trực thuộc Bộ' }).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Ban hành' }).click()
    await expectVisible(page.getByText(/^Đã ban hành tới \d+ đơn vị$/))
    await expectHidden(dialog)
    await expectVisible(header.getByText('Đã ban hành'))

    // Nothing planned yet at Bạch Mai, and nothing acknowledged.
    await header.getByRole('button', { name: 'Bảng theo dõi' }).click()
    await page.waitForURL(`**/directives/${directiveId}/dashboard`)
    expect(await cellStatuses(page)).toEqual(Array(9).fill('Chưa lập kế hoạch'))
    await expectVisible(bachMaiRow(page).getByText('Chưa tiếp nhận'))
    await screenshot(page, 'directives-2-dashboard-issued')
  }, 180_000)

  it('the officer of Bạch Mai acknowledges it, records a dissemination session and plans one action per requirement', async () => {
    const page = await open('officer.bvbm', `/directives/${directiveId}`)
    const unit = page.getByTestId('my-unit-BVBM')
    await unit.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click()
    await expectVisible(unit.getByText(/^Đã tiếp nhận \d\d\/\d\d\/\d{4} \d\d:\d\d$/))
    await expectHidden(unit.getByRole('button', { name: 'Xác nhận tiếp nhận' }))

    // A session with three attendees picked from the hospital's people.
    await unit.getByRole('button', { name: 'Quán triệt' }).click()
    await page.getByTestId('new-session').click()
    const picker = page.getByTestId('attendee-picker')
    const boxes = picker.locator('tbody .ant-checkbox-input')
    await expectVisible(boxes)
    for (let i = 0; i < 3; i++) await boxes.nth(i).check()
    await expectVisible(picker.getByText('Đã chọn 3 người'))
    await page.getByTestId('session-save').click()
    await expectVisible(page.getByText('Đã ghi nhận buổi quán triệt với 3 người tham dự'))
    const session = page.getByRole('row').filter({ hasText: 'Hội nghị quán triệt văn bản 1946-CV/BCSD' })
    await expectVisible(session)
    expect(await session.getByRole('cell').last().textContent()).toBe('3')
    // All three are the hospital's own staff, so its coverage counts them.
    await expectVisible(page.getByTestId('coverage-reached').getByText('3', { exact: true }))
    await screenshot(page, 'directives-3-dissemination')

    // One action per requirement, each due in six weeks.
    await page.getByRole('button', { name: 'Kế hoạch' }).click()
    const requirements = page.getByTestId('plan-requirement')
    await expectVisible(requirements)
    expect(await requirements.count()).toBe(9)
    const due = dayFromNow(42)
    for (let i = 0; i < 9; i++) {
      const requirement = requirements.nth(i)
      await requirement.getByTestId('add-action').click()
      const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
      await expectVisible(drawer)
      await drawer.getByLabel('Nội dung nhiệm vụ').fill(`Triển khai nội dung ${i + 1} tại Bệnh viện Bạch Mai`)
      await drawer.getByLabel('Hạn hoàn thành').fill(due)
      await drawer.getByLabel('Hạn hoàn thành').press('Enter')
      await drawer.getByTestId('action-save').click()
      await expectVisible(requirement.getByTestId('plan-action'))
      await expectHidden(drawer)
    }
    await expectVisible(requirements.nth(8).getByText('Đã lập kế hoạch'))
    await expectHidden(page.getByText(/^Mỗi yêu cầu cần ít nhất một nhiệm vụ/))
    await page.evaluate(() => window.scrollTo(0, 0))
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'directives-4-plan')
  }, 180_000)

  it('the head of Bạch Mai approves and submits the plan', async () => {
    const page = await open('head.bvbm', `/directives/${directiveId}`)
    await page.getByTestId('my-unit-BVBM').getByRole('button', { name: 'Kế hoạch' }).click()
    const header = page.getByTestId('plan-header')
    await expectVisible(header.getByText('Đang soạn'))
    await header.getByRole('button', { name: 'Phê duyệt và trình' }).click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Phê duyệt và trình' }).click()
    await expectVisible(page.getByText('Đã trình kế hoạch'))
    await expectVisible(header.getByText('Đã trình', { exact: true }))
    await expectHidden(header.getByRole('button', { name: 'Phê duyệt và trình' }))
  }, 120_000)

  it('the board sees Bạch Mai acknowledged and every requirement planned on the dashboard', async () => {
    const page = await open('board', `/directives/${directiveId}/dashboard`)
    expect(await cellStatuses(page)).toEqual(Array(9).fill('Đã lập kế hoạch'))
    await expectVisible(bachMaiRow(page).getByText(/^Đã nhận \d\d\/\d\d$/))
    await screenshot(page, 'directives-5-dashboard-planned')

    // A cell opens its details; the unit's plan is one click away.
    await bachMaiRow(page).locator('.bvct-cell').first().click()
    const modal = page.getByRole('dialog')
    await expectVisible(modal.getByText('Đã lập kế hoạch'))
    await modal.getByRole('button', { name: 'Mở kế hoạch của đơn vị' }).click()
    await page.waitForURL(`**/directives/${directiveId}/units/*/plan`)
    await expectVisible(page.getByTestId('plan-header').getByText('Đã trình', { exact: true }))
  }, 120_000)

  it('a staff member of Bạch Mai opens it from the menu and reads its text and requirements, with nothing offered that staff may not open', async () => {
    const page = await open('staff', '/directives')
    await expectVisible(page.locator('.ant-menu-item-selected').getByText('Văn bản chỉ đạo'))
    await page.goto(`${server.url}/directives/${directiveId}`)
    const header = page.getByTestId('directive-header')
    await expectVisible(header.getByText('Tăng cường công tác bảo vệ chính trị nội bộ'))
    await expectVisible(page.getByRole('heading', { name: 'Nội dung, yêu cầu (9 yêu cầu)' }))
    await screenshot(page, 'directives-6-staff-reads')

    // The unit's plan, its sessions and the dashboard are refused to staff: no card or button leads there.
    await page.getByRole('tab', { name: /^Đơn vị nhận/ }).click()
    await expectVisible(page.getByRole('cell', { name: /Bệnh viện Bạch Mai/ }))
    expect(await page.getByTestId('my-units').count()).toBe(0)
    for (const name of ['Bảng theo dõi', 'Kế hoạch', 'Quán triệt', 'Sửa', 'Xác nhận tiếp nhận']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0)
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0)
    }
  }, 120_000)

  it('the board pasting a letter with co-addressees and a signer sees them marked before confirming, and on the directive once saved', async () => {
    const page = await open('board', '/directives/new')
    const letter = [
      'ĐẢNG ỦY KHỐI CƠ SỞ BỘ Y TẾ', 'BAN THƯỜNG VỤ', '*', 'Số 21-CV/ĐUK', 'Hà Nội, ngày 04 tháng 3 năm 2026',
      'V/v rà soát đảng viên', '', 'Kính gửi: Các đảng ủy trực thuộc', 'Đồng kính gửi: Ban Tổ chức Đảng ủy Khối', '',
      '1. Rà soát danh sách đảng viên trước ngày 20/3/2026.', '',
      'Nơi nhận:', '- Như trên,', '- Lưu Văn phòng Đảng ủy Khối.', '', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Thắng',
    ].join('\n')
    await page.getByTestId('paste-text').fill(letter)
    await page.getByRole('button', { name: 'Phân tích văn bản' }).click()
    const closing = page.getByTestId('parsed-closing')
    await expectVisible(closing.getByTestId('co-addressee').getByText('Đồng kính gửi'))
    expect(await closing.getByTestId('co-addressee').textContent()).toContain('Ban Tổ chức Đảng ủy Khối')
    expect(await closing.getByTestId('addressee').textContent()).toContain('Các đảng ủy trực thuộc')
    expect(await closing.getByTestId('signer').textContent()).toBe('T/M BAN THƯỜNG VỤ · PHÓ BÍ THƯ · Nguyễn Văn Thắng')
    // The co-addressee stays an addressee in the form, as the letter sends it to both.
    const form = page.getByTestId('directive-form')
    expect(await form.getByLabel('Nơi gửi 2').inputValue()).toBe('Ban Tổ chức Đảng ủy Khối')
    // The form holds both for the clerk to correct: the co-addressee as a tag, the signer as three inputs.
    expect(await form.locator('.ant-select-selection-item').allTextContents()).toEqual(['Ban Tổ chức Đảng ủy Khối'])
    expect(await form.getByLabel('Thẩm quyền ký').inputValue()).toBe('T/M BAN THƯỜNG VỤ')
    expect(await form.getByLabel('Chức vụ người ký').inputValue()).toBe('PHÓ BÍ THƯ')
    expect(await form.getByLabel('Họ và tên người ký').inputValue()).toBe('Nguyễn Văn Thắng')
    await form.getByLabel('Họ và tên người ký').scrollIntoViewIfNeeded()
    await screenshot(page, 'directives-8-register-signer')

    await page.getByRole('button', { name: 'Lưu dự thảo' }).click()
    await expectVisible(page.getByTestId('directive-header').getByText('Dự thảo'))
    const savedUrl = page.url()
    expect(savedUrl).toMatch(/\/directives\/\d+$/)
    const co = page.getByTestId('co-addressee')
    await expectVisible(co.getByText('Đồng kính gửi'))
    expect(await co.textContent()).toContain('Ban Tổ chức Đảng ủy Khối')
    expect(await page.getByTestId('addressee').textContent()).toContain('Các đảng ủy trực thuộc')
    expect(await page.getByTestId('signer').textContent()).toBe('T/M BAN THƯỜNG VỤ — PHÓ BÍ THƯ — Nguyễn Văn Thắng')
    await screenshot(page, 'directives-9-signer-and-co-addressees')

    // On a phone too, in one column.
    const phone = await open('board', new URL(savedUrl).pathname, PHONE)
    await expectVisible(phone.getByTestId('signer'))
    expect(await phone.getByTestId('signer').textContent()).toBe('T/M BAN THƯỜNG VỤ — PHÓ BÍ THƯ — Nguyễn Văn Thắng')
    await expectVisible(phone.getByTestId('co-addressee').getByText('Đồng kính gửi'))
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(phone, 'directives-10-signer-phone')
  }, 120_000)

  it('fits a phone: the dashboard lists the units behind instead of the matrix (390×844)', async () => {
    const page = await open('board', `/directives/${directiveId}/dashboard`, { width: 390, height: 844 })
    // Just issued, nothing is overdue yet: units late to acknowledge, or none, and never the matrix.
    await expectVisible(page.getByTestId('behind-list').or(page.getByTestId('behind-none')))
    expect(await page.locator('.bvct-matrix').count()).toBe(0)
    // No page-wide sideways scroll: the matrix scrolls inside its card.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'directives-7-phone-dashboard')

    for (const e of errors) expect(e).toEqual([])
  }, 120_000)
})
