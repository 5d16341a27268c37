import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption, dayFromNow, DESKTOP, expectHidden, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, SCREENSHOT_DIR, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const NEXT_YEAR = new Date().getFullYear() + 1
const PLAN_TITLE = `Kế hoạch kiểm tra, giám sát năm ${NEXT_YEAR} (kiểm thử)`
const ITEM_TITLE = 'Kiểm tra công tác bảo vệ chính trị nội bộ tại Bệnh viện Nhi Trung ương'
const UNIT = 'Bệnh viện Nhi Trung ương'
const OFFICER = 'officer.bvntw'
const FINDING = 'Quy chế bảo vệ bí mật nhà nước của bệnh viện chưa được cập nhật từ năm 2019.'
const MUST_CORRECT = 'Ban hành lại quy chế bảo vệ bí mật nhà nước của bệnh viện'

describe('inspections: the board plans and opens an inspection, the unit answers and self-reports, the team records findings, the notice is issued and downloaded', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let planUrl = ''
  let inspectionUrl = ''
  let noticeNumber = ''

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'inspections'))

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
  })

  async function open(username: string, path: string, viewport = DESKTOP): Promise<Page> {
    const opened = await openSignedIn(browser, server.url + path, username, viewport)
    contexts.push(opened.context)
    errors.push(opened.errors)
    return opened.page
  }


  /** A message key shown as is ("inspections.plan.title") means a translation is missing. */
  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(inspections|nav|common)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)
  const modal = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal')
  const confirmOk = (page: Page, name: string) => page.locator('.ant-modal-confirm').getByRole('button', { name }).click()

  it("shows the board the year's plan against what happened, then the board drafts next year's plan and submits it", async () => {
    const page = await open('board', '/inspections')
    const pva = page.getByTestId('plan-vs-actual').first()
    await expectVisible(pva)
    // The demo year: items concluded, one dropped with its reason, one inspection outside the plan.
    await expect.poll(async () => Number(await pva.getByTestId('pva-concluded').locator('.ant-statistic-content-value').innerText()), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
    expect(Number(await pva.getByTestId('pva-dropped').locator('.ant-statistic-content-value').innerText())).toBe(1)
    expect(Number(await pva.getByTestId('pva-outside').locator('.ant-statistic-content-value').innerText())).toBe(1)
    await expectVisible(pva.getByText(/Không thực hiện: Giám sát thường xuyên Cục Quản lý Dược\. Lý do: /))
    await expectVisible(page.getByTestId('inspection-list').getByTestId('inspection-link').first())
    await noRawKeys(page)
    await screenshot(page, 'inspections-1-list')

    await page.getByTestId('create-plan').click()
    const dialog = modal(page)
    await dialog.getByLabel('Năm').fill(String(NEXT_YEAR))
    await dialog.getByLabel('Tên kế hoạch').fill(PLAN_TITLE)
    await dialog.getByRole('button', { name: 'Tạo mới' }).click()
    await page.waitForURL(/\/inspection-plans\/\d+$/)
    planUrl = new URL(page.url()).pathname
    await expectVisible(page.getByTestId('plan-header').getByText(PLAN_TITLE))
    await expectVisible(page.getByTestId('plan-header').getByText('Đang soạn'))

    await page.getByTestId('add-item').click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await drawer.getByLabel('Tên cuộc kiểm tra, giám sát').fill(ITEM_TITLE)
    await chooseOption(page, drawer.getByLabel('Đơn vị được kiểm tra, giám sát'), 'nhi trung', UNIT)
    await page.keyboard.press('Escape')
    await drawer.getByLabel('Quý').fill('1')
    await chooseOption(page, drawer.getByLabel('Trưởng đoàn'), 'inspector', /\(inspector\)$/)
    await page.getByTestId('plan-item-submit').click()
    const items = page.getByTestId('plan-items')
    await expectVisible(items.getByText(`1. ${ITEM_TITLE}`))
    await expectVisible(items.getByText('Quý 1'))
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'inspections-2-plan-draft')

    await page.getByTestId('submit-plan').click()
    await confirmOk(page, 'Trình Ban cán sự đảng')
    await expectVisible(page.getByTestId('plan-header').getByText('Đã trình', { exact: true }))
    await expectHidden(page.getByTestId('add-item'))
  }, 240_000)

  it('the committee approves the plan', async () => {
    const page = await open('committee', planUrl)
    await page.getByTestId('approve-plan').click()
    await confirmOk(page, 'Phê duyệt kế hoạch')
    await expectVisible(page.getByTestId('plan-header').getByText('Đã phê duyệt', { exact: true }))
    await expectVisible(page.getByTestId('plan-vs-actual').getByTestId('pva-planned').getByText('1'))
    await expectHidden(page.locator('.ant-modal-confirm'))
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'inspections-3-plan-approved')
  }, 120_000)

  it('the board starts the planned inspection with a team of three, moves it to conduct and asks the unit for documents', async () => {
    const page = await open('board', planUrl)
    await page.getByTestId('start-item').click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await expectVisible(drawer.getByText(`Theo nội dung kế hoạch: ${ITEM_TITLE}`, { exact: false }))
    // The lead comes from the plan item; two members join.
    for (const name of ['officer.bbvctnb', 'head.bbvctnb']) await chooseOption(page, drawer.getByTestId('team-members'), name, new RegExp(`\\(${name.replace('.', '\\.')}\\)$`))
    await page.keyboard.press('Escape')
    await page.getByTestId('open-inspection-submit').click()
    await page.waitForURL(/\/inspections\/\d+$/)
    inspectionUrl = new URL(page.url()).pathname
    const header = page.getByTestId('inspection-header')
    await expectVisible(header.getByText(ITEM_TITLE))
    await expectVisible(header.getByTestId('subject-units').getByText(UNIT))
    await expectVisible(header.locator('[data-phase="preparation"]'))

    // The board corrects the content while preparing.
    await page.getByTestId('edit-inspection').click()
    await page.locator('.ant-drawer-open .ant-drawer-section').getByLabel('Nội dung').fill('Theo đề cương kèm theo Quyết định')
    await page.getByTestId('edit-inspection-submit').click()
    await expectVisible(header.getByText('Theo đề cương kèm theo Quyết định'))

    await page.getByTestId('advance-phase').click()
    await modal(page).getByRole('button', { name: 'Chuyển giai đoạn' }).click()
    await expectVisible(header.locator('[data-phase="conduct"]'))

    await page.getByTestId('new-request').click()
    const dialog = modal(page)
    await dialog.getByTestId('request-items').fill('Quy chế bảo vệ bí mật nhà nước\nSổ theo dõi văn bản mật năm gần nhất')
    await dialog.getByRole('button', { name: 'Gửi yêu cầu' }).click()
    const requests = page.getByTestId('requests')
    await expect.poll(() => requests.getByTestId('request-item').count(), { timeout: 15_000 }).toBe(2)
    await expectVisible(requests.locator('[data-status="pending"]'))

    // One extension by decision: the original deadline stays in view.
    const deadline = (await header.getByTestId('deadline').innerText()).trim()
    await page.getByTestId('extend').click()
    const ext = modal(page)
    await ext.getByLabel('Thời hạn mới').click()
    await ext.getByLabel('Thời hạn mới').fill(dayFromNow(65))
    await ext.getByLabel('Thời hạn mới').press('Enter')
    await ext.getByLabel('Lý do').fill('Đơn vị đề nghị thêm thời gian chuẩn bị tài liệu')
    await ext.getByLabel('Số quyết định').fill('15-QĐ/BCSĐ')
    await ext.getByRole('button', { name: 'Gia hạn' }).click()
    await expectVisible(header.getByTestId('extensions').getByText(/Gia hạn từ .* theo Quyết định 15-QĐ\/BCSĐ/))
    await expectVisible(header.getByText(`(ban đầu ${deadline})`))
    await expectHidden(page.getByTestId('extend'))
  }, 180_000)

  it("the unit's officer answers each item with a file or a note and submits the self-inspection report", async () => {
    const page = await open(OFFICER, '/inspections')
    await page.getByTestId('inspection-list').getByRole('link', { name: ITEM_TITLE }).click()
    await page.waitForURL(`**${inspectionUrl}`)
    const items = page.getByTestId('request-item')
    await items.nth(0).getByTestId('answer-item').click()
    let dialog = modal(page)
    await dialog.locator('input[type=file]').setInputFiles({ name: 'quy-che-bao-mat.txt', mimeType: 'text/plain', buffer: Buffer.from('Quy chế bảo vệ bí mật nhà nước') })
    await expectVisible(dialog.getByTestId('attached-files').getByText('quy-che-bao-mat.txt'))
    await dialog.getByTestId('answer-note').fill('Gửi kèm bản chụp quy chế')
    await dialog.getByRole('button', { name: 'Gửi đoàn' }).click()
    await expectVisible(items.nth(0).locator('[data-status="answered"]'))
    await expectVisible(items.nth(0).getByRole('button', { name: 'quy-che-bao-mat.txt' }))
    await items.nth(1).getByTestId('answer-item').click()
    dialog = modal(page)
    await dialog.getByTestId('answer-note').fill('Sổ đang lưu tại văn thư, xin mời đoàn xem trực tiếp')
    await dialog.getByRole('button', { name: 'Gửi đoàn' }).click()
    await expectVisible(items.nth(1).locator('[data-status="answered"]'))

    await page.getByTestId('write-self-report').click()
    dialog = modal(page)
    await dialog.getByTestId('self-summary').fill('Bệnh viện đã tự kiểm tra các nội dung theo đề cương: đã quán triệt công văn, còn chậm cập nhật quy chế.')
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expectVisible(page.getByTestId('self-report').getByText(/đã quán triệt công văn/))
    // A unit has no team actions.
    expect(await page.getByTestId('new-finding').count()).toBe(0)
    expect(await page.getByTestId('new-request').count()).toBe(0)
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'inspections-4-unit-answers')
  }, 180_000)

  it('the team marks the documents received, records a session and a finding, closes, drafts and issues the notice; the .docx carries its number', async () => {
    const page = await open('board', inspectionUrl)
    const items = page.getByTestId('request-item')
    for (const n of [0, 1]) {
      await items.nth(n).getByTestId('receive-item').click()
      await expectVisible(items.nth(n).locator('[data-status="received"]'))
    }
    await page.getByTestId('new-session').click()
    let dialog = modal(page)
    await dialog.getByLabel('Địa điểm').fill('Phòng họp Ban Giám đốc')
    await dialog.getByLabel('Thành phần tham dự').fill('Đoàn kiểm tra\nBan Giám đốc bệnh viện')
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bien-ban-lam-viec.txt', mimeType: 'text/plain', buffer: Buffer.from('Biên bản làm việc') })
    await expectVisible(dialog.getByTestId('attached-files').getByText('bien-ban-lam-viec.txt'))
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await expectVisible(page.getByTestId('session').getByText('Phòng họp Ban Giám đốc', { exact: false }))
    await expectVisible(page.getByTestId('session').getByRole('button', { name: 'bien-ban-lam-viec.txt' }))

    await page.getByTestId('new-finding').click()
    dialog = modal(page)
    await dialog.getByTestId('finding-text').fill(FINDING)
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await expectVisible(page.getByTestId('finding').getByText(FINDING))
    await expectVisible(page.getByTestId('finding').getByText('Chưa khắc phục'))

    const header = page.getByTestId('inspection-header')
    await page.getByTestId('advance-phase').click()
    await modal(page).getByRole('button', { name: 'Chuyển giai đoạn' }).click()
    await expectVisible(header.locator('[data-phase="closing"]'))

    const conclusion = page.getByTestId('conclusion')
    await expectVisible(conclusion.getByText('Dự thảo gợi ý từ các kết quả đã ghi nhận, chưa lưu'))
    await expect.poll(() => conclusion.getByTestId('conclusion-shortcomings').inputValue(), { timeout: 15_000 }).toContain('chưa được cập nhật')
    // The finding's must-correct item is suggested; the team words it.
    const row = conclusion.getByTestId('must-correct')
    expect(await row.count()).toBe(1)
    await row.getByPlaceholder('Việc phải khắc phục').fill(MUST_CORRECT)
    await conclusion.getByTestId('signer-name').fill('Nguyễn Văn Thành')
    await conclusion.getByTestId('save-conclusion').click()
    await expectVisible(conclusion.getByText('Dự thảo đã lưu, chưa ban hành'))
    await conclusion.scrollIntoViewIfNeeded()
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'inspections-5-draft-conclusion')

    await page.getByTestId('issue-conclusion').click()
    await modal(page).getByRole('button', { name: 'Ban hành', exact: true }).click()
    noticeNumber = (await conclusion.getByTestId('notice-number').innerText()).trim()
    expect(noticeNumber).toMatch(/^\d+-TB\/BCSĐ$/)
    await expectVisible(header.locator('[data-phase="concluded"]'))
    await expectVisible(conclusion.getByText(MUST_CORRECT, { exact: false }))

    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-notice').click()])
    expect(file.suggestedFilename()).toMatch(/\.docx$/)
    const bytes = readFileSync((await file.path())!)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    // Kept beside the screenshots, to render and look at (soffice --convert-to pdf).
    await file.saveAs(join(SCREENSHOT_DIR, 'inspections-notice.docx'))
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain(noticeNumber)
    expect(xml).toContain(MUST_CORRECT)
    await page.evaluate(() => window.scrollTo(0, 0))
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'inspections-6-concluded')
  }, 240_000)

  it('the unit sees the issued notice and downloads it too', async () => {
    const page = await open(OFFICER, inspectionUrl)
    await expectVisible(page.getByTestId('notice-number').getByText(noticeNumber))
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-notice').click()])
    expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK')
  }, 120_000)

  it('fits a phone (390×844): the list, the plan and the inspection, as the board and as the unit', async () => {
    const board = await open('board', '/inspections', PHONE)
    await expectVisible(board.getByTestId('plan-vs-actual').first())
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'inspections-7-phone-list')
    await board.goto(server.url + planUrl)
    await expectVisible(board.getByTestId('plan-items').getByText(ITEM_TITLE, { exact: false }))
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'inspections-8-phone-plan')
    await board.goto(server.url + inspectionUrl)
    await expectVisible(board.getByTestId('inspection-header'))
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'inspections-9-phone-inspection')

    const unit = await open(OFFICER, inspectionUrl, PHONE)
    await expectVisible(unit.getByTestId('requests'))
    await noSidewaysScroll(unit)
    await unit.getByTestId('requests').scrollIntoViewIfNeeded()
    await screenshot(unit, 'inspections-10-phone-unit')
  }, 180_000)

  it('reads in English once switched, dates still dd/MM/yyyy, no message key left untranslated', async () => {
    const page = await open('board', inspectionUrl)
    await expectVisible(page.getByTestId('inspection-header'))
    await page.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(page.getByTestId('conclusion').getByText('Conclusion and notice'))
    await expectVisible(page.getByTestId('requests').getByText('Document requests'))
    const text = await page.getByTestId('inspection-header').innerText()
    expect(text).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    await noRawKeys(page)
    await screenshot(page, 'inspections-11-en-inspection')
    for (const e of errors) expect(e).toEqual([])
  }, 120_000)
})
