// A directive's materials, end to end: the board adds a file and a text to a directive it issued to
// Bệnh viện Bạch Mai; the hospital's officer records a session and links the material it used; a
// staff member opens the directive read-only from "my page", reads its materials and confirms "Tôi
// đã được phổ biến", which the unit's coverage counts; the officer acknowledges receipt for the unit
// from their own page, and the board sees the unit acknowledged.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_COOKIE, CSRF_HEADER } from '../contract/auth.ts'
import { DESKTOP, expectHidden, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const NUMBER = '27-HD/BBVCTNB'
const SUBJECT = 'Hướng dẫn quán triệt công tác bảo vệ chính trị nội bộ năm 2026'
const REQUIREMENT = 'Tổ chức quán triệt tới toàn thể cán bộ, đảng viên, viên chức, người lao động'
const FILE_TITLE = 'Bài giảng quán triệt năm 2026'
const TEXT_TITLE = 'Hỏi đáp về hướng dẫn quán triệt'
const TEXT_BODY = 'Hỏi: Ai phải được phổ biến?\nĐáp: Toàn thể cán bộ, đảng viên, viên chức và người lao động của đơn vị.'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

describe('materials of a directive, the staff member’s page and one acknowledgement per audience', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let directiveId = 0
  let bachMai = 0
  let sessionId = 0

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'materials'))

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

  /** The API as the page's own signed-in session calls it (writes carry the CSRF token from its cookie). */
  async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
    const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? ''
    const res = await page.request.fetch(`${server.url}/api/v1${path}`, { method, data: body, headers: method === 'GET' ? {} : { [CSRF_HEADER]: csrf } })
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300)
    return (await res.json()) as T
  }

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(materials|myDirectives|directives|dissemination|nav|common)\.[a-z][A-Za-z]*\b/)
  const noOldWording = async (page: Page) => expect(await page.locator('body').innerText()).not.toContain('Xác nhận đã nhận')

  async function pick(page: Page, select: Locator, option: string) {
    await select.click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click()
  }

  const reachedInBachMai = async (page: Page) =>
    (await call<{ items: { unitId: number; reached: number }[] }>(page, 'GET', `/directives/${directiveId}/coverage?unitId=${bachMai}`)).items.find((r) => r.unitId === bachMai)!.reached

  it('the board issues a directive to Bệnh viện Bạch Mai and adds two materials to it on its page (a file and a typed text), edits one and removes one added by mistake', async () => {
    const page = await open('board', '/directives')
    const units = await call<{ items: { id: number; code: string }[] }>(page, 'GET', '/units')
    bachMai = units.items.find((u) => u.code === 'BVBM')!.id
    const date = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)
    const draft = await call<{ id: number; version: number }>(page, 'POST', '/directives', {
      number: NUMBER, date, subject: SUBJECT, issuer: 'Ban Bảo vệ chính trị nội bộ', requirements: [{ label: '1.', text: REQUIREMENT }, { label: '2.', text: 'Báo cáo kết quả về Ban Bảo vệ chính trị nội bộ' }],
    })
    await call(page, 'POST', `/directives/${draft.id}/issue`, { version: draft.version, unitIds: [bachMai], acknowledgeWithinDays: 7, planWithinDays: 30 })
    directiveId = draft.id

    await page.goto(`${server.url}/directives/${directiveId}`)
    await page.getByRole('tab', { name: /Tài liệu/ }).click()
    const panel = page.getByTestId('materials-panel')
    await expectVisible(panel.getByText('Chưa có tài liệu nào. Bấm «Thêm tài liệu»'))

    // A file: the kind, a title, then the file itself.
    await panel.getByTestId('add-material').click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await pick(page, drawer.getByLabel('Loại tài liệu'), 'Bài giảng, trình chiếu')
    await drawer.getByLabel('Tên tài liệu').fill(FILE_TITLE)
    // Without a file the form says so under the field and saves nothing.
    await page.getByTestId('material-save').click()
    await expectVisible(drawer.getByText('Chọn tệp cần tải lên'))
    await drawer.locator('input[type=file]').setInputFiles({ name: 'bai-giang-2026.pdf', mimeType: 'application/pdf', buffer: PDF })
    await expectVisible(drawer.getByText('bai-giang-2026.pdf'))
    await expectHidden(drawer.getByText('Chọn tệp cần tải lên'))
    await screenshot(page, 'materials-0-board-add-file-desktop')
    await page.getByTestId('material-save').click()
    await expectVisible(page.getByText(`Đã thêm tài liệu «${FILE_TITLE}»`))
    await expectHidden(page.locator('.ant-drawer-open'))

    // A typed text: an empty title is refused on the field.
    await panel.getByTestId('add-material').click()
    await drawer.getByText('Nhập nội dung').click()
    await pick(page, drawer.getByLabel('Loại tài liệu'), 'Hỏi đáp')
    await drawer.getByRole('textbox', { name: 'Nội dung' }).fill(TEXT_BODY)
    await page.getByTestId('material-save').click()
    await expectVisible(drawer.locator('#title_help, .ant-form-item-explain-error').first())
    await drawer.getByLabel('Tên tài liệu').fill(TEXT_TITLE)
    await page.getByTestId('material-save').click()
    await expectVisible(page.getByText(`Đã thêm tài liệu «${TEXT_TITLE}»`))
    await expectHidden(page.locator('.ant-drawer-open'))

    // Edit: the text gains a line; remove: a material added by mistake goes, after a confirmation.
    await panel.getByTestId('material').filter({ hasText: TEXT_TITLE }).getByTestId('edit-material').click()
    await drawer.getByRole('textbox', { name: 'Nội dung' }).fill(`${TEXT_BODY}\nHỏi: Khi nào xác nhận?\nĐáp: Sau khi đã được phổ biến.`)
    await page.getByTestId('material-save').click()
    await expectVisible(page.getByText(`Đã lưu tài liệu «${TEXT_TITLE}»`))
    await expectHidden(page.locator('.ant-drawer-open'))
    await panel.getByTestId('add-material').click()
    await drawer.getByText('Nhập nội dung').click()
    await drawer.getByLabel('Tên tài liệu').fill('Tài liệu thêm nhầm')
    await drawer.getByRole('textbox', { name: 'Nội dung' }).fill('Không dùng')
    await page.getByTestId('material-save').click()
    await expectVisible(page.getByRole('tab', { name: 'Tài liệu (3)' }))
    await panel.getByTestId('material').filter({ hasText: 'Tài liệu thêm nhầm' }).getByRole('button', { name: 'Xóa' }).click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xóa' }).click()
    await expectVisible(page.getByText('Đã xóa tài liệu «Tài liệu thêm nhầm»'))

    await expectVisible(page.getByRole('tab', { name: 'Tài liệu (2)' }))
    const rows = panel.getByTestId('material')
    expect(await rows.count()).toBe(2)
    await expectVisible(rows.filter({ hasText: FILE_TITLE }).getByText(/bai-giang-2026\.pdf · 1 KB/))
    await expectVisible(rows.filter({ hasText: FILE_TITLE }).getByText('Bài giảng, trình chiếu'))
    await expectVisible(rows.filter({ hasText: TEXT_TITLE }).getByText('Nội dung nhập trực tiếp', { exact: false }))
    // Opening the text reads it in place.
    await rows.filter({ hasText: TEXT_TITLE }).getByTestId('material-open').click()
    await expectVisible(page.getByTestId('material-text').getByText('Ai phải được phổ biến?', { exact: false }))
    await expectVisible(page.getByTestId('material-text').getByText('Sau khi đã được phổ biến.', { exact: false }))
    // The dialog zooms in; let it settle before the picture.
    await page.waitForTimeout(500)
    await screenshot(page, 'materials-1-board-text-desktop')
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click()
    // Opening the file downloads it, as uploaded.
    const [download] = await Promise.all([page.waitForEvent('download'), rows.filter({ hasText: FILE_TITLE }).getByTestId('material-open').click()])
    expect(download.suggestedFilename()).toBe('bai-giang-2026.pdf')
    await noRawKeys(page)
    await screenshot(page, 'materials-2-board-panel-desktop')

    const phone = await open('board', `/directives/${directiveId}`, PHONE)
    await phone.getByRole('tab', { name: 'Tài liệu (2)' }).click()
    await expectVisible(phone.getByTestId('materials-panel').getByText(TEXT_TITLE))
    await noSidewaysScroll(phone)
    await screenshot(phone, 'materials-3-board-panel-phone')
  }, 120_000)

  it('the hospital’s officer records a session and links the material it used; the board sees it in use and cannot remove it', async () => {
    const page = await open('officer.bvbm', `/directives/${directiveId}/units/${bachMai}/dissemination`)
    await page.getByTestId('new-session').click()
    await page.getByTestId('session-save').click()
    await expectHidden(page.locator('.ant-drawer-open'))
    await page.getByRole('button', { name: `Hội nghị quán triệt văn bản ${NUMBER}` }).click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    const linked = drawer.getByTestId('session-materials')
    await expectVisible(linked.getByText('Chưa ghi nhận tài liệu nào; bấm «Chọn tài liệu»'))
    await linked.getByTestId('pick-materials').click()
    await pick(page, linked.getByTestId('material-select'), TEXT_TITLE)
    await page.keyboard.press('Escape')
    await linked.getByTestId('save-materials').click()
    await expectVisible(page.getByText('Đã lưu: buổi quán triệt dùng 1 tài liệu'))
    await expectVisible(linked.getByTestId('material').filter({ hasText: TEXT_TITLE }))
    expect(await linked.getByTestId('material').count()).toBe(1)
    await noRawKeys(page)
    await screenshot(page, 'materials-4-officer-session-desktop')

    const sessions = await call<{ items: { id: number }[] }>(page, 'GET', `/directives/${directiveId}/sessions?unitId=${bachMai}`)
    sessionId = sessions.items[0].id
    const saved = await call<{ items: { title: string }[] }>(page, 'GET', `/sessions/${sessionId}/materials`)
    expect(saved.items.map((m) => m.title)).toEqual([TEXT_TITLE])

    const board = await open('board', `/directives/${directiveId}`)
    await board.getByRole('tab', { name: 'Tài liệu (2)' }).click()
    const used = board.getByTestId('material').filter({ hasText: TEXT_TITLE })
    await expectVisible(used.getByText('Đã dùng trong 1 buổi quán triệt'))
    expect(await used.getByRole('button', { name: 'Xóa' }).isDisabled()).toBe(true)
  }, 120_000)

  it('a staff member opens the directive read-only from their page, reads its materials and confirms «Tôi đã được phổ biến»; the unit’s coverage counts them', async () => {
    const officer = await open('officer.bvbm', `/directives/${directiveId}/units/${bachMai}/dissemination`)
    const before = await reachedInBachMai(officer)

    const page = await open('staff', '/my-directives')
    await expectVisible(page.getByRole('heading', { name: 'Trang của tôi' }))
    const card = page.getByTestId('my-directive').filter({ hasText: NUMBER })
    await expectVisible(card.getByText('Bạn chưa xác nhận được phổ biến'))
    await expectVisible(card.getByRole('button', { name: 'Tôi đã được phổ biến' }))
    // A staff member answers for no unit: no unit acknowledgement on their page.
    expect(await page.getByTestId('my-units').count()).toBe(0)
    await noOldWording(page)
    await noRawKeys(page)
    await screenshot(page, 'materials-5-staff-my-page-desktop')

    // Read it first: the text, its requirements and its materials, nothing to edit.
    await card.getByTestId('read-directive').click()
    await page.waitForURL(`**/my-directives/${directiveId}`)
    const view = page.getByTestId('my-directive-view')
    await expectVisible(view.getByText(REQUIREMENT))
    await expectVisible(view.getByText(SUBJECT).first())
    const materials = page.getByTestId('my-directive-materials')
    expect(await materials.getByTestId('material').count()).toBe(2)
    await materials.getByTestId('material').filter({ hasText: TEXT_TITLE }).getByTestId('material-open').click()
    await expectVisible(page.getByTestId('material-text').getByText('Toàn thể cán bộ', { exact: false }))
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click()
    expect(await page.getByRole('button', { name: /^(Sửa|Xóa|Thêm tài liệu)$/ }).count()).toBe(0)
    await noOldWording(page)
    await screenshot(page, 'materials-6-staff-read-desktop')

    await page.getByTestId('my-confirmation').getByRole('button', { name: 'Tôi đã được phổ biến' }).click()
    await expectVisible(page.getByText('Đã ghi nhận: bạn đã được phổ biến văn bản này'))
    await expectVisible(page.getByTestId('my-confirmation').getByText('Bạn đã xác nhận được phổ biến văn bản này', { exact: false }))
    await expectVisible(view.getByTestId('briefed-tag').getByText(/^Đã được phổ biến \(xác nhận \d\d\/\d\d\/\d{4} \d\d:\d\d\)$/))

    // The unit's coverage counts them: in the API and on the officer's dissemination page.
    const after = await reachedInBachMai(officer)
    expect(after).toBe(before + 1)
    await officer.reload()
    await expectVisible(officer.getByTestId('coverage-reached').getByText(String(after), { exact: true }))

    // Back on their page, the confirmation shows there too.
    await page.getByRole('link', { name: 'Trang của tôi' }).first().click()
    await expectVisible(page.getByTestId('my-directive').filter({ hasText: NUMBER }).getByText(/^Đã được phổ biến/))

    const phone = await open('staff', `/my-directives/${directiveId}`, PHONE)
    await expectVisible(phone.getByTestId('my-directive-view').getByText(REQUIREMENT))
    await noSidewaysScroll(phone)
    await noRawKeys(phone)
    await screenshot(phone, 'materials-7-staff-read-phone')
    await phone.goto(`${server.url}/my-directives`)
    await expectVisible(phone.getByTestId('my-directive').first())
    await noSidewaysScroll(phone)
    await screenshot(phone, 'materials-8-staff-my-page-phone')
  }, 120_000)

  it('the officer acknowledges receipt for the unit from their own page, with the directive page’s words, and the board sees the unit acknowledged', async () => {
    const page = await open('officer.bvbm', '/my-directives')
    const card = page.getByTestId('my-directive').filter({ hasText: NUMBER })
    const unit = card.getByTestId('my-units')
    await expectVisible(unit.getByText('Tiếp nhận văn bản của đơn vị'))
    await expectVisible(unit.getByText('Chưa tiếp nhận'))
    // Two different things, two different names: the unit's receipt and the officer's own briefing.
    await expectVisible(card.getByRole('button', { name: 'Tôi đã được phổ biến' }))
    await noOldWording(page)
    await screenshot(page, 'materials-9-officer-my-page-desktop')
    // An officer of this work sees their own training record, and only theirs.
    const training = page.getByTestId('my-training')
    await expectVisible(training.getByText('Bồi dưỡng nghiệp vụ của tôi'))
    await expectVisible(training.getByText(/Hạn bồi dưỡng lại: \d\d\/\d\d\/\d{4}/))
    expect(await training.locator('.ant-table-row').count()).toBeGreaterThan(0)
    await training.scrollIntoViewIfNeeded()
    await screenshot(page, 'materials-9b-officer-training-desktop')
    await unit.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click()
    await expectVisible(page.getByText('Bệnh viện Bạch Mai đã xác nhận tiếp nhận văn bản'))
    await expectVisible(unit.getByText(/^Đã tiếp nhận \d\d\/\d\d\/\d{4}/))
    expect(await unit.getByRole('button', { name: 'Xác nhận tiếp nhận' }).count()).toBe(0)

    const board = await open('board', `/directives/${directiveId}`)
    await board.getByRole('tab', { name: /Đơn vị nhận/ }).click()
    const row = board.locator('.ant-table-row', { hasText: 'Bệnh viện Bạch Mai' })
    await expectVisible(row.getByText(/^Đã tiếp nhận \d\d\/\d\d\/\d{4}/))
    await screenshot(board, 'materials-10-board-acknowledged-desktop')

    const phone = await open('officer.bvbm', '/my-directives', PHONE)
    await expectVisible(phone.getByTestId('my-directive').filter({ hasText: NUMBER }).getByTestId('my-units'))
    await noSidewaysScroll(phone)
    await noRawKeys(phone)
    await screenshot(phone, 'materials-11-officer-my-page-phone')

    // The same page in English, every word translated.
    await phone.getByText('EN', { exact: true }).click()
    await expectVisible(phone.getByRole('heading', { name: 'My page' }))
    const english = phone.getByTestId('my-directive').filter({ hasText: NUMBER })
    await expectVisible(english.getByText("Your unit's acknowledgement"))
    await expectVisible(english.getByRole('button', { name: 'I have been briefed' }))
    await noRawKeys(phone)
    await noSidewaysScroll(phone)
    await screenshot(phone, 'materials-12-officer-my-page-phone-en')
  }, 120_000)
})
