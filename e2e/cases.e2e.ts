import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chooseOption, dayFromNow, DESKTOP, expectHidden, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const TEAM_GROUP = 'Tổ thẩm tra, xác minh (kiểm thử)'
const COMMITTEE_GROUP = 'Thường trực Ban cán sự đảng (kiểm thử)'
const TEAM = ['inspector', 'officer.bbvctnb', 'head.bbvctnb']
const REASON = 'Cần xem gấp để cho ý kiến về việc bổ nhiệm trong cuộc họp chiều nay'

describe('confidential cases: need-to-know from opening to approval, 404 for the rest, break-glass seen by the owner', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let caseUrl = ''
  let secondNumber = ''
  let subjectName = ''

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'cases'))

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
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

  /**
   * Picks an option of an antd select after typing into it. The options sit in a portal under the
   * page: the select's own list is the one holding `<input id>_list` (another may still be closing).
   */

  async function typeDay(field: Locator, day: string) {
    await field.click()
    await field.fill(day)
    await field.press('Enter')
  }

  /** Scrolls so the section starts just under the sticky app header. */
  const scrollToTop = (section: Locator) => section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 76))


  /** A message key shown as is ("cases.my.intro") means a translation is missing. */
  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(cases|nav|common|lang|auth)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)

  /** The case's access history as its owner's page gets it (the owner's own session). */
  async function historyOf(page: Page, path: string) {
    const res = await page.request.get(`${server.url}/api/v1${path}/access`)
    expect(res.status()).toBe(200)
    return ((await res.json()) as { history: { actor: string | null; action: string; part: string | null; reason: string | null }[] }).history
  }
  const count = (history: Awaited<ReturnType<typeof historyOf>>, actor: string, action: string) => history.filter((h) => h.actor === actor && h.action === action).length

  it('the board\'s head creates two named groups; an administrator may only ask to add members, and the head approves', async () => {
    const head = await open('head.bbvctnb', '/cases')
    await head.getByRole('menuitem', { name: 'Nhóm được biết hồ sơ' }).click()
    await head.waitForURL('**/case-groups')
    for (const name of [TEAM_GROUP, COMMITTEE_GROUP]) {
      await head.getByTestId('group-create').click()
      await head.getByTestId('group-name').fill(name)
      await head.getByRole('dialog').getByRole('button', { name: 'Tạo mới' }).click()
      await expectVisible(head.locator(`[data-group="${name}"]`))
    }

    const admin = await open('admin', '/case-groups')
    await expectVisible(admin.getByTestId('groups-intro').getByText(/Trưởng Ban Bảo vệ chính trị nội bộ quyết định/))
    // An administrator has no case menu: they never read a case.
    expect(await admin.getByRole('menuitem', { name: 'Hồ sơ mật' }).count()).toBe(0)
    for (const [group, names] of [[TEAM_GROUP, TEAM], [COMMITTEE_GROUP, ['committee']]] as const) {
      const card = admin.locator(`[data-group="${group}"]`)
      for (const username of names) {
        await chooseOption(admin, card.getByTestId('group-account'), username, new RegExp(`^${username.replace('.', '\\.')}( |$)`))
        await card.getByTestId('group-add').click()
        await expectVisible(card.getByTestId('group-request').filter({ hasText: `Thêm ${username}` }).getByText('Chờ Trưởng Ban quyết định'))
      }
    }
    expect(await admin.locator(`[data-group="${TEAM_GROUP}"]`).getByTestId('group-member').count()).toBe(0)

    await head.reload()
    for (const group of [TEAM_GROUP, COMMITTEE_GROUP]) {
      const card = head.locator(`[data-group="${group}"]`)
      await expectVisible(card.getByTestId('group-request'))
      for (let left = await card.getByTestId('group-request').count(); left > 0; left--) {
        await card.getByTestId('group-request').first().getByRole('button', { name: 'Đồng ý', exact: true }).click()
        await expect.poll(() => card.getByTestId('group-request').count()).toBe(left - 1)
      }
    }
    await expectVisible(head.locator(`[data-group="${TEAM_GROUP}"]`).getByText('Thành viên (3)'))
    await expectVisible(head.locator(`[data-group="${COMMITTEE_GROUP}"]`).getByTestId('group-member').filter({ hasText: 'committee' }))
    await expectHidden(head.locator('.ant-message-notice'))
    await screenshot(head, 'cases-0-groups')
  }, 180_000)

  it('the board opens a standards review of a demo person, logs a request to another agency and its reply, and records the steps through the conclusion', async () => {
    const page = await open('board', '/cases')
    await page.getByRole('menuitem', { name: 'Hồ sơ mật' }).click()
    await expectVisible(page.getByTestId('case-counts'))
    await page.getByRole('button', { name: 'Mở hồ sơ' }).click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await expectVisible(drawer.getByTestId('note-warning').getByText(/Không ghi quan điểm, tôn giáo, dân tộc, sức khỏe hay lịch sử gia đình/))
    await drawer.getByLabel('Đơn vị đề nghị').click()
    await page.keyboard.type('bach mai')
    await page.locator('.ant-select-dropdown .ant-select-tree-title').getByText('Bệnh viện Bạch Mai', { exact: true }).click()
    await expectVisible(drawer.locator('.ant-select', { hasText: 'Bệnh viện Bạch Mai' }))
    await drawer.getByLabel('Chọn người').click()
    await page.keyboard.type('Nguyễn')
    const person = page.locator('.ant-select-dropdown').filter({ has: page.locator('[id="subjectPersonId_list"]') }).locator('.ant-select-item-option', { hasText: /^Nguyễn / }).first()
    await expectVisible(person)
    subjectName = ((await person.textContent()) ?? '').split(' — ')[0]
    await person.click()
    await chooseOption(page, drawer.getByLabel('Mục đích'), 'Bổ nhiệm', 'Bổ nhiệm')
    await typeDay(drawer.getByLabel('Hạn giải quyết'), dayFromNow(30))
    await drawer.getByLabel('Ghi chú').fill('Đề nghị của Bệnh viện Bạch Mai theo Công văn số 215/BVBM-TCCB')
    await screenshot(page, 'cases-1-open-case-drawer')
    await page.getByTestId('open-case-submit').click()
    await page.waitForURL(/\/cases\/\d+$/)
    caseUrl = new URL(page.url()).pathname
    const header = page.getByTestId('case-header')
    await expectVisible(header.getByText(/^Hồ sơ HS-\d{4}-\d{4,}$/))
    await expectVisible(page.getByTestId('case-subject').getByText(subjectName))
    await expectVisible(header.getByText('Đang thực hiện, trong hạn'))
    await expectVisible(header.getByText('Bệnh viện Bạch Mai'))

    // A request to another agency, then its reply: the timeliness tag follows.
    await page.getByTestId('add-request').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Cơ quan được đề nghị').fill('Công an tỉnh Hà Nam')
    await dialog.getByLabel('Nội dung đề nghị').fill('Đề nghị xác minh lý lịch và quá trình công tác')
    await typeDay(dialog.getByLabel('Hạn trả lời'), dayFromNow(7))
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    const request = page.getByTestId('case-request')
    await expectVisible(request.getByText('Đang thực hiện, trong hạn'))
    await request.getByTestId('record-reply').click()
    await page.getByRole('dialog').getByLabel('Nội dung trả lời').fill('Không có thông tin bất lợi')
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click()
    await expectVisible(request.getByText('Hoàn thành đúng hạn'))
    await expectVisible(request.getByText('Không có thông tin bất lợi'))

    // A document, sealed with the case; its download is audited.
    const files = page.getByTestId('case-files')
    await files.locator('input[type=file]').setInputFiles({ name: 'bien-ban-xac-minh.txt', mimeType: 'text/plain', buffer: Buffer.from('Biên bản xác minh số 7') })
    const fileLink = files.getByRole('button', { name: 'bien-ban-xac-minh.txt' })
    await expectVisible(fileLink)
    const [download] = await Promise.all([page.waitForEvent('download'), fileLink.click()])
    expect(download.suggestedFilename()).toBe('bien-ban-xac-minh.txt')

    // Regulation 58's steps: each form asks for what its step needs.
    const next = page.getByTestId('next-step')
    const record = async (step: string) => {
      await next.getByTestId('record-step').click()
      await expectVisible(page.getByText(`Đã ghi nhận: ${step}`))
    }
    await record('Rà soát hồ sơ')
    await expectVisible(next.getByText('Tổ thẩm tra, xác minh (ít nhất 3 người)'))
    await next.getByLabel('Ghi chú').fill('Quyết định số 12-QĐ/BBVCTNB')
    for (const username of TEAM) await chooseOption(page, next.getByTestId('team-select'), username, new RegExp(`^${username.replace('.', '\\.')}$`))
    await page.keyboard.press('Escape')
    await record('Quyết định thẩm tra, xác minh')
    await expectVisible(page.getByTestId('case-timeline').getByText('inspector, officer.bbvctnb, head.bbvctnb'))
    await record('Thẩm định, thẩm tra, xác minh')
    await chooseOption(page, next.getByLabel('Kết luận'), 'Đủ tiêu', 'Đủ tiêu chuẩn chính trị')
    await typeDay(next.getByLabel('Hiệu lực đến'), dayFromNow(365))
    await record('Kết luận')
    await expectVisible(page.getByText('Kết luận đang chờ Ban cán sự đảng phê duyệt'))
    await expectHidden(page.getByTestId('next-step'))
    await expectVisible(header.getByText('Đủ tiêu chuẩn chính trị'))

    // The committee member goes on the list (picked among the accounts of the named groups).
    const panel = page.getByTestId('access-panel')
    await chooseOption(page, panel.getByTestId('access-account'), 'committee', /^committee$/)
    await panel.getByTestId('access-add-submit').click()
    // Listed by full name, as colleagues know the committee member (the username is for signing in).
    const committeePage = await open('committee', '/home')
    const committeeName = ((await (await committeePage.request.get(`${server.url}/api/v1/me`)).json()) as { person: { fullName: string } }).person.fullName
    await expectVisible(panel.getByTestId('access-list').getByText(committeeName, { exact: true }))
    await page.evaluate(() => window.scrollTo(0, 0))
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'cases-2-case-page')
    await scrollToTop(panel)
    await screenshot(page, 'cases-3-access-panel')
  }, 240_000)

  it('the committee member finds the case on their list and approves the conclusion', async () => {
    const page = await open('committee', '/cases')
    await page.locator(`a[href="${caseUrl}"]`).click()
    await page.getByTestId('approve-conclusion').click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Phê duyệt kết luận' }).click()
    await expectVisible(page.getByText('Đã phê duyệt kết luận'))
    const header = page.getByTestId('case-header')
    await expectVisible(header.getByText('Đã kết thúc'))
    await expectVisible(header.getByTestId('case-step').getByText('Cấp ủy phê duyệt'))
    await expectHidden(page.getByTestId('approve-conclusion'))
  }, 120_000)

  it('an administrator opening the case\'s address gets the ordinary not-found page, with nothing about the case', async () => {
    const page = await open('admin', caseUrl)
    await expectVisible(page.getByText('Không tìm thấy trang'))
    expect(await page.getByText(/HS-\d{4}/).count()).toBe(0)
    expect(await page.getByText(subjectName).count()).toBe(0)
    // The same page as an address that does not exist at all.
    await page.goto(server.url + '/no-such-page')
    await expectVisible(page.getByText('Không tìm thấy trang'))
    // And the server's answer is the same 404 as for a number that was never given.
    expect((await page.request.get(`${server.url}/api/v1${caseUrl}`)).status()).toBe(404)
    expect((await page.request.get(`${server.url}/api/v1/cases/999999`)).status()).toBe(404)

    // Anyone else not on the list, whatever their role: the case is not in their list, and its address is not found.
    const auditor = await open('auditor', '/cases')
    await expectVisible(auditor.getByTestId('case-list'))
    expect(await auditor.locator(`a[href="${caseUrl}"]`).count()).toBe(0)
    await auditor.goto(server.url + caseUrl)
    await expectVisible(auditor.getByText('Không tìm thấy trang'))
    expect(await auditor.getByText(subjectName).count()).toBe(0)
  }, 120_000)

  it('a committee member not on a second case\'s list opens it by break-glass, with a written reason', async () => {
    const board = await open('board', '/cases')
    await board.getByRole('button', { name: 'Mở hồ sơ' }).click()
    const drawer = board.locator('.ant-drawer-open .ant-drawer-section')
    await drawer.getByText('Nhập tên (người ngoài hệ thống)').click()
    await drawer.getByLabel('Họ và tên, hoặc tên tổ chức').fill('Trần Văn Bên Ngoài')
    await chooseOption(board, drawer.getByLabel('Mục đích'), 'Quy', 'Quy hoạch')
    await board.getByTestId('open-case-submit').click()
    await board.waitForURL(/\/cases\/\d+$/)
    secondNumber = ((await board.getByTestId('case-header').getByText(/^Hồ sơ HS-/).textContent()) ?? '').replace('Hồ sơ ', '')
    expect(secondNumber).toMatch(/^HS-\d{4}-\d{4,}$/)
    const secondUrl = new URL(board.url()).pathname

    const page = await open('committee', '/cases')
    expect(await page.locator(`a[href="${secondUrl}"]`).count()).toBe(0)
    await page.getByTestId('break-glass').click()
    await page.getByTestId('break-glass-number').fill(secondNumber)
    await page.getByRole('dialog').getByRole('button', { name: 'Tìm hồ sơ' }).click()
    const dialog = page.getByRole('dialog')
    await expectVisible(dialog.getByText(`Mở khẩn cấp hồ sơ ${secondNumber}`))
    await expectVisible(dialog.getByTestId('break-glass-warning').getByText(/người quản lý hồ sơ được thông báo ngay/))
    // Too short a reason is refused before anything is sent.
    await page.getByTestId('break-glass-reason').fill('Cần xem gấp')
    await dialog.getByRole('button', { name: 'Mở hồ sơ' }).click()
    await expectVisible(dialog.getByText('Quá ngắn (tối thiểu 20)'))
    await page.getByTestId('break-glass-reason').fill(REASON)
    await screenshot(page, 'cases-4-break-glass-modal')
    await dialog.getByRole('button', { name: 'Mở hồ sơ' }).click()
    await page.waitForURL(`**${secondUrl}`)
    await expectVisible(page.getByTestId('break-glass-banner'))
    await expectVisible(page.getByTestId('case-subject').getByText('Trần Văn Bên Ngoài'))
    // Read-only, and not the list's own panel.
    expect(await page.getByTestId('next-step').count()).toBe(0)
    expect(await page.getByTestId('access-panel').count()).toBe(0)
    await screenshot(page, 'cases-5-break-glass-case')
  }, 180_000)

  it('the owner is told, and finds the opening with its reason highlighted in the access history', async () => {
    const page = await open('board', '/cases')
    await expectVisible(page.getByTestId('case-list').locator(`a[href="${caseUrl}"]`))
    await screenshot(page, 'cases-1-list')
    await page.getByTestId('bell').click()
    await page.getByTestId('bell-panel').getByText(`Hồ sơ ${secondNumber} được mở theo thủ tục khẩn cấp`).click()
    await page.waitForURL(/\/cases\/\d+$/)
    const panel = page.getByTestId('access-panel')
    await expectVisible(panel.getByTestId('break-glass-alert'))
    const row = panel.locator('.bvct-case-row-break-glass')
    await expectVisible(row.getByText(`Lý do: ${REASON}`))
    await expectVisible(row.getByText('committee'))
    await scrollToTop(panel)
    await expectHidden(page.locator('.ant-message-notice'))
    await screenshot(page, 'cases-6-access-history-break-glass')
    const second = await historyOf(page, new URL(page.url()).pathname)
    expect(second.filter((h) => h.action === 'breakGlassRead').map((h) => [h.actor, h.reason])).toEqual([['committee', REASON]])
  }, 120_000)

  it('every opening of the case leaves a row in its access history: the owner\'s, the committee\'s, a download', async () => {
    const page = await open('board', caseUrl)
    await expectVisible(page.getByTestId('case-header'))
    const before = await historyOf(page, caseUrl)
    // The committee member read the case (no break-glass: they were on the list), then approved it.
    expect(count(before, 'committee', 'read')).toBeGreaterThanOrEqual(1)
    expect(count(before, 'committee', 'breakGlassRead')).toBe(0)
    expect(count(before, 'committee', 'approve')).toBe(1)
    expect(count(before, 'board', 'readFile')).toBe(1)
    expect(before.filter((h) => h.action === 'read').every((h) => h.part === 'subject, notes, steps, requests, files, notices')).toBe(true)
    // No row from the administrator nor the auditor: they never got in.
    expect(before.filter((h) => h.actor === 'admin' || h.actor === 'auditor')).toEqual([])

    // One more opening, one more row, newest first on the page.
    const reads = count(before, 'board', 'read')
    await page.reload()
    await expectVisible(page.getByTestId('case-header'))
    await expect.poll(async () => count(await historyOf(page, caseUrl), 'board', 'read')).toBe(reads + 1)
    const newest = page.getByTestId('access-history').locator('.ant-table-row').first()
    await expectVisible(newest.getByText('Đọc hồ sơ'))
    await expectVisible(newest.getByText('board', { exact: true }))
  }, 120_000)

  it('the subject of a violation case reads the notice addressed to them under "my notices" and answers it; the board reads the answer', async () => {
    const staff = await open('staff', '/my-directives')
    const name = ((await staff.locator('.bvct-user-name').textContent()) ?? '').trim()
    expect(name).not.toBe('')

    const board = await open('board', '/cases')
    await board.getByRole('button', { name: 'Mở hồ sơ' }).click()
    const drawer = board.locator('.ant-drawer-open .ant-drawer-section')
    await drawer.locator('.ant-radio-button-wrapper', { hasText: 'Xử lý vi phạm' }).click()
    await chooseOption(board, drawer.getByLabel('Chọn người'), name, new RegExp(`^${name} — Bệnh viện Bạch Mai$`))
    await chooseOption(board, drawer.getByLabel('Nguồn'), 'kiểm tra', 'Từ kết luận kiểm tra')
    await board.getByTestId('open-case-submit').click()
    await board.waitForURL(/\/cases\/\d+$/)
    const next = board.getByTestId('next-step')
    await expectVisible(next.getByText('Hạn đối tượng trả lời'))
    await expectVisible(next.getByText(/là nội dung thông báo gửi tới đối tượng/))
    await typeDay(next.getByLabel('Hạn đối tượng trả lời'), dayFromNow(10))
    await next.getByLabel('Ghi chú').fill('Đề nghị đồng chí giải trình về việc chậm nộp báo cáo quý')
    await next.getByTestId('record-step').click()
    await expectVisible(board.getByText('Đã ghi nhận: Thông báo cho đối tượng'))

    // The notice is what the subject sees, with its deadline; the menu now shows it.
    await staff.reload()
    await staff.getByRole('menuitem', { name: 'Thông báo của tôi' }).click()
    await staff.waitForURL('**/my-notices')
    const notice = staff.getByTestId('my-notice').filter({ hasText: 'Đề nghị đồng chí giải trình về việc chậm nộp báo cáo quý' })
    await expectVisible(notice.getByText(/Còn \d+ ngày để trả lời/))
    await notice.getByTestId('answer').click()
    await notice.getByTestId('answer-body').fill('Tôi xin giải trình: báo cáo nộp chậm do chờ số liệu của các khoa')
    await notice.getByTestId('answer-send').click()
    await expectVisible(notice.getByTestId('submission').getByText('Tôi xin giải trình: báo cáo nộp chậm do chờ số liệu của các khoa'))
    await expectHidden(staff.locator('.ant-message-notice'))
    await screenshot(staff, 'cases-11-my-notices')

    await board.reload()
    await expectVisible(board.getByTestId('case-notices').getByTestId('submission').getByText(/báo cáo nộp chậm do chờ số liệu/))
    // The subject reading their notices and answering are in the case's history, under their own name.
    const history = await historyOf(board, new URL(board.url()).pathname)
    expect(count(history, 'staff', 'readNotices')).toBeGreaterThanOrEqual(1)
    expect(count(history, 'staff', 'submission')).toBe(1)
    expect(count(history, 'staff', 'read')).toBe(0)
    await expectVisible(board.getByTestId('access-history').getByText('Đối tượng gửi trả lời'))
  }, 180_000)

  it('reads in English once switched, dates still dd/MM/yyyy, no message key left untranslated; the notices fit a phone', async () => {
    const staff = await open('staff', '/my-notices', PHONE)
    await expectVisible(staff.getByTestId('my-notice').getByTestId('submission'))
    await noSidewaysScroll(staff)
    await noRawKeys(staff)
    await screenshot(staff, 'cases-12-phone-my-notices')
    await staff.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(staff.getByText('Notices about cases of which you are the subject', { exact: false }))
    await expectVisible(staff.getByTestId('my-notice').getByText(/^Case HS-\d{4}-\d{4,}$/))
    await noSidewaysScroll(staff)
    await noRawKeys(staff)
    await screenshot(staff, 'cases-13-phone-my-notices-en')

    const board = await open('board', '/cases')
    await expectVisible(board.getByTestId('case-list').locator(`a[href="${caseUrl}"]`))
    await board.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(board.getByRole('menuitem', { name: 'Confidential cases' }))
    await expectVisible(board.getByRole('button', { name: 'Open a case' }))
    await noRawKeys(board)
    await screenshot(board, 'cases-14-en-list')
    await board.locator(`a[href="${caseUrl}"]`).click()
    const header = board.getByTestId('case-header')
    await expectVisible(header.getByText(/^Case HS-\d{4}-\d{4,}$/))
    const text = await header.innerText()
    expect(text).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    await expectVisible(board.getByTestId('access-history').getByText('Read the case'))
    await noRawKeys(board)
    await expectHidden(board.locator('.ant-message-notice'))
    await screenshot(board, 'cases-15-en-case')
  }, 180_000)

  it('fits a phone (390×844): the list, the case page, the access panel and the break-glass modal', async () => {
    const board = await open('board', '/cases', PHONE)
    await expectVisible(board.getByTestId('case-list').locator(`a[href="${caseUrl}"]`))
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'cases-7-phone-list')
    await board.goto(server.url + caseUrl)
    await expectVisible(board.getByTestId('case-timeline'))
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'cases-8-phone-case')
    await scrollToTop(board.getByTestId('access-panel'))
    await noSidewaysScroll(board)
    await screenshot(board, 'cases-9-phone-access-panel')

    const committee = await open('committee', '/cases', PHONE)
    await committee.getByTestId('break-glass').click()
    await committee.getByTestId('break-glass-number').fill(secondNumber)
    await committee.getByRole('dialog').getByRole('button', { name: 'Tìm hồ sơ' }).click()
    await committee.getByTestId('break-glass-reason').fill(REASON)
    await noSidewaysScroll(committee)
    await screenshot(committee, 'cases-10-phone-break-glass-modal')

    for (const e of errors) expect(e).toEqual([])
  }, 180_000)
})
