import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDocx } from '../server/features/reports/documents/test-helpers.ts'
import { chooseOption, dayFromNow, DESKTOP, expectHidden, expectVisible, launchBrowser, openSignedIn, PHONE, screenshot, startServer, type TestServer } from './helpers.ts'

const PERIOD_TITLE = 'Báo cáo quý IV/2026 kết quả thực hiện Công văn số 1946-CV/BCSĐ'
const DEMO_PERIOD_TITLE = 'Báo cáo kết quả thực hiện Công văn số 1946-CV/BCSĐ'

describe('reporting up the line, end to end', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
  })

  async function signedIn(username: string, viewport = DESKTOP) {
    const { context, page, errors } = await openSignedIn(browser, server.url + '/', username, viewport)
    contexts.push(context)
    return { page, errors }
  }

  const section = (page: Page, label: string) => page.locator(`[data-testid="report-section"][data-requirement="${label}"]`)
  const saved = (page: Page) => expectVisible(page.getByTestId('save-state').filter({ hasText: /^Đã lưu lúc/ }), 20_000)
  const confirmModal = (page: Page) => page.locator('.ant-modal-confirm')
  /** Clicks a download button and returns the file's first bytes: .docx and .xlsx are zip files ("PK"). */
  async function download(page: Page, testId: string, ext: string) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()])
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`))
    return readFileSync((await file.path())!).subarray(0, 2).toString('latin1')
  }
  /** Downloads the consolidated report as the period page offers it now, and reads its text. */
  async function docxText(page: Page) {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-consolidated-docx').click()])
    return openDocx(readFileSync((await file.path())!)).text
  }

  it('takes a report from an opened period to an accepted, consolidated report: draft, autosave, submit, return with comments, fix, resubmit, compare, accept', async () => {
    // The board opens a period on the seed letter, due in two weeks.
    const board = await signedIn('board')
    await board.page.getByRole('menuitem', { name: 'Báo cáo' }).click()
    await board.page.waitForURL('**/reports')
    await expectVisible(board.page.getByRole('link', { name: DEMO_PERIOD_TITLE }))
    await board.page.getByTestId('open-period').click()
    const drawer = board.page.getByRole('dialog')
    await expectVisible(drawer.getByText('Mở kỳ báo cáo mới'))
    await drawer.getByLabel('Văn bản cần báo cáo').click()
    await board.page.keyboard.type('1946')
    await board.page.locator('.ant-select-item-option', { hasText: '1946-CV' }).click()
    await board.page.keyboard.press('Escape')
    // Picking the one directive suggests a title after it; the board writes its own.
    await expect.poll(() => drawer.getByLabel('Tên kỳ báo cáo').inputValue()).toMatch(/^Báo cáo kết quả thực hiện văn bản số 1946-CV/)
    await drawer.getByLabel('Tên kỳ báo cáo').fill(PERIOD_TITLE)
    await drawer.getByLabel('Hạn nộp').click()
    await drawer.getByLabel('Hạn nộp').fill(dayFromNow(14))
    await drawer.getByLabel('Hạn nộp').press('Enter')
    await drawer.getByTestId('open-period-submit').click()
    await board.page.waitForURL(/\/reports\/\d+$/)
    const periodUrl = board.page.url()
    await expectVisible(board.page.getByRole('heading', { name: PERIOD_TITLE }))
    const bvbmRow = board.page.getByRole('row').filter({ has: board.page.getByTestId('unit-BVBM') })
    await expectVisible(bvbmRow.getByText('Chưa đến hạn', { exact: true }))
    await screenshot(board.page, 'reports-1-period-opened')

    // The unit officer drafts: every requirement is a section, BVCT's figures sit beside them with their source.
    const officer = await signedIn('officer.bvbm')
    await officer.page.goto(periodUrl)
    await officer.page.getByTestId('unit-BVBM').click()
    await expectVisible(officer.page.getByRole('heading', { name: 'Báo cáo của Bệnh viện Bạch Mai' }))
    const figures = officer.page.getByTestId('figures-panel')
    await expectVisible(figures.getByText('Số buổi quán triệt'))
    await expectVisible(figures.getByTestId('figure-sessions'))
    await expectVisible(figures.getByTestId('figure-coverage'))
    expect(await officer.page.getByTestId('figures-source').textContent()).toMatch(/^Nguồn: BVCT, tính đến \d\d\/\d\d\/\d{4} \d\d:\d\d$/)
    const sections = officer.page.getByTestId('report-section')
    const count = await sections.count()
    expect(count).toBeGreaterThanOrEqual(9) // the letter's nine requirements
    // Nothing written yet: one error per requirement, shown by the checks and on the sections.
    await expectVisible(officer.page.getByTestId('checks-card').getByText(`${count} lỗi`))
    for (let i = 0; i < count; i++) {
      await sections.nth(i).getByLabel('Những việc đã làm').fill(`Đơn vị đã triển khai yêu cầu ${i + 1} tới toàn thể cán bộ, đảng viên.`)
    }
    await sections.nth(1).getByLabel('Kết quả đạt được').fill('Đã tổ chức quán triệt.')
    await expectHidden(officer.page.getByTestId('checks-card').getByText(/\d+ lỗi/))
    await saved(officer.page)
    // A last edit and straight off the page: leaving saves it.
    await officer.page.getByLabel('Đề xuất, kiến nghị chung').fill('Đề nghị tổ chức tập huấn nghiệp vụ năm 2027.')
    await officer.page.getByRole('link', { name: PERIOD_TITLE }).click()
    await expectVisible(officer.page.getByTestId('unit-BVBM'))
    await officer.page.getByTestId('unit-BVBM').click()
    await expectVisible(officer.page.getByLabel('Đề xuất, kiến nghị chung'))
    expect(await officer.page.getByLabel('Đề xuất, kiến nghị chung').inputValue()).toBe('Đề nghị tổ chức tập huấn nghiệp vụ năm 2027.')
    // The officer drafts; only the head submits.
    await expectVisible(officer.page.getByText('Người đứng đầu đơn vị duyệt và gửi báo cáo'))
    await expectHidden(officer.page.getByTestId('submit-report'))
    await screenshot(officer.page, 'reports-2-editor')

    // The head submits. The first answer is lost on the way back; the retry must not make a second submission.
    const head = await signedIn('head.bvbm')
    let submits = 0
    await head.page.route('**/api/v1/reports/*/submit', async (route) => {
      submits++
      if (submits === 1) {
        await route.fetch() // the server stores the submission…
        await route.abort('connectionreset') // …and the answer never arrives
      } else await route.continue()
    })
    await head.page.goto(periodUrl)
    await head.page.getByTestId('unit-BVBM').click()
    await expectVisible(head.page.getByTestId('submit-report'))
    await head.page.getByTestId('submit-report').click()
    await expectVisible(confirmModal(head.page).locator('.ant-modal-confirm-title', { hasText: 'Gửi báo cáo lên Ban Bảo vệ chính trị nội bộ?' }))
    await confirmModal(head.page).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expectVisible(head.page.getByText('Báo cáo đã được gửi trước đó (lần 1); không tạo thêm lần gửi mới'))
    expect(submits).toBe(2)
    await expectVisible(head.page.getByTestId('report-header').getByText('Đã gửi', { exact: true }))
    await expectVisible(head.page.getByTestId('version-1'))
    await expectHidden(head.page.getByTestId('version-2'))
    await head.page.unroute('**/api/v1/reports/*/submit')

    // The board returns it with a comment on requirement 2.
    await board.page.reload()
    await expectVisible(bvbmRow.getByText('Đã gửi', { exact: true }))
    await screenshot(board.page, 'reports-3-period-submitted')
    await board.page.getByTestId('unit-BVBM').click()
    await expectVisible(board.page.getByTestId('review-card'))
    await screenshot(board.page, 'reports-4-review-top')
    await section(board.page, '2.').getByTestId('section-comment').fill('Nêu rõ số buổi quán triệt và số người tham dự.')
    await board.page.getByTestId('review-general').fill('Đề nghị bổ sung số liệu cụ thể ở mục 2.')
    await screenshot(board.page, 'reports-4-review')
    await board.page.getByTestId('return-report').click()
    await expectVisible(board.page.getByText('Đã trả lại báo cáo của Bệnh viện Bạch Mai'))
    await expectVisible(board.page.getByTestId('report-header').getByText('Bị trả lại', { exact: true }))

    // The officer sees the comments where they apply and fixes the text.
    await officer.page.reload()
    await expectVisible(officer.page.getByTestId('returned-banner').getByText('Đề nghị bổ sung số liệu cụ thể ở mục 2.'))
    await expectVisible(section(officer.page, '2.').getByTestId('board-section-comment').getByText('Nêu rõ số buổi quán triệt và số người tham dự.'))
    await section(officer.page, '2.').getByLabel('Kết quả đạt được').fill('Đã tổ chức 3 buổi quán triệt với 120 người tham dự, đạt 100% cán bộ.')
    await saved(officer.page)
    await section(officer.page, '2.').scrollIntoViewIfNeeded()
    await screenshot(officer.page, 'reports-5-returned-fixed')
    // The unit can export its own report.
    expect(await download(officer.page, 'download-unit-docx', 'docx')).toBe('PK')

    // The head resubmits.
    await head.page.reload()
    await expectVisible(head.page.getByTestId('submit-report'))
    await head.page.getByTestId('submit-report').click()
    await confirmModal(head.page).getByRole('button', { name: 'Gửi báo cáo' }).click()
    await expectVisible(head.page.getByText('Đã gửi báo cáo (lần 2)'))

    // The board compares the two submissions, accepts, and downloads the consolidated report.
    await board.page.reload()
    await expectVisible(board.page.getByTestId('version-2'))
    await board.page.getByTestId('compare-2').click()
    const changes = board.page.getByTestId('version-changes')
    await expectVisible(changes.getByText(/2\. Kết quả đạt được/))
    await expectVisible(changes.locator('ins', { hasText: '120 người tham dự' }))
    await expectVisible(changes.locator('del', { hasText: 'triệt.' }))
    await expectVisible(board.page.getByRole('dialog').getByText('Nêu rõ số buổi quán triệt và số người tham dự.')) // what was asked, beside what changed
    await screenshot(board.page, 'reports-6-compare')
    await board.page.keyboard.press('Escape')
    await expectHidden(changes)
    await board.page.getByTestId('accept-report').click()
    await confirmModal(board.page).getByRole('button', { name: 'Chấp nhận' }).click()
    await expectVisible(board.page.getByText('Đã chấp nhận báo cáo của Bệnh viện Bạch Mai'))
    await expectVisible(board.page.getByTestId('accepted-banner'))

    await board.page.getByRole('link', { name: PERIOD_TITLE }).click()
    await expectVisible(bvbmRow.getByText('Đã chấp nhận', { exact: true }))
    expect(await download(board.page, 'download-consolidated-docx', 'docx')).toBe('PK')
    expect(await download(board.page, 'download-consolidated-xlsx', 'xlsx')).toBe('PK')
    // The figures' basis is the board's to choose, and the document says which it is.
    expect(await docxText(board.page)).toContain('cùng cơ sở với Bảng theo dõi của ngày này')
    await chooseOption(board.page, board.page.getByTestId('consolidated-basis'), '', 'Số liệu chốt khi đơn vị gửi báo cáo')
    const frozen = await docxText(board.page)
    expect(frozen).toContain('Số liệu của đơn vị đã gửi báo cáo là số liệu chốt khi đơn vị gửi báo cáo')
    expect(frozen).not.toMatch(/kết quả thực hiện Báo cáo/i)
    await screenshot(board.page, 'reports-7-period-accepted')

    expect(board.errors).toEqual([])
    expect(officer.errors).toEqual([])
    // The deliberately dropped answer is the only error the head's page may log.
    expect(head.errors.filter((e) => !/ERR_CONNECTION_RESET|ERR_FAILED/.test(e))).toEqual([])
  }, 420_000)

  it('refuses the second of two concurrent saves and shows the other text beside the user\'s (desktop and phone); brings back text left unsaved', async () => {
    const openReport = async (p: Page, isPhone = false) => {
      if (isPhone) await p.getByTestId('nav-open').click() // the menu lives in a drawer on phones
      await p.getByRole('menuitem', { name: 'Báo cáo' }).click()
      // The home page the user signed in to links the same period (its report is due) and stays on
      // screen while the list's code loads: click the link in the list, not the home page's.
      await p.waitForURL('**/reports')
      await p.getByTestId('report-periods').getByRole('link', { name: DEMO_PERIOD_TITLE }).click()
      await p.getByTestId('unit-CQLD').click()
      await expectVisible(p.getByRole('heading', { name: 'Báo cáo của Cục Quản lý Dược' }))
    }
    const officer = await signedIn('officer.cqld')
    const head = await signedIn('head.cqld', PHONE)
    await openReport(officer.page)
    await openReport(head.page, true)
    // The report is past its deadline and was never started.
    await expectVisible(officer.page.getByTestId('report-header').getByText('Quá hạn, chưa gửi', { exact: true }))

    await section(officer.page, '1.').getByLabel('Những việc đã làm').fill('Nội dung do cán bộ phụ trách soạn.')
    await saved(officer.page)

    await section(head.page, '1.').getByLabel('Những việc đã làm').fill('Nội dung do người đứng đầu soạn.')
    const banner = head.page.getByTestId('conflict-banner')
    await expectVisible(banner, 20_000)
    // Named as colleagues know the officer: by full name, not the username.
    const officerName = ((await (await officer.page.request.get(`${server.url}/api/v1/me`)).json()) as { person: { fullName: string } }).person.fullName
    await expectVisible(banner.getByText(`${officerName} đã lưu bản nháp này lúc`, { exact: false }))
    await expectVisible(section(head.page, '1.').getByTestId('their-text').getByText('Nội dung do cán bộ phụ trách soạn.'))
    expect(await section(head.page, '1.').getByLabel('Những việc đã làm').inputValue()).toBe('Nội dung do người đứng đầu soạn.')
    await section(head.page, '1.').scrollIntoViewIfNeeded()
    await screenshot(head.page, 'reports-8-conflict-phone')
    await banner.scrollIntoViewIfNeeded()
    await head.page.getByTestId('conflict-keep-mine').click()
    await saved(head.page)
    await expectHidden(banner)

    // The officer, still on the older version, writes elsewhere: refused too, and merged on request.
    await section(officer.page, '2.').getByLabel('Những việc đã làm').fill('Mục 2 do cán bộ phụ trách soạn.')
    await expectVisible(officer.page.getByTestId('conflict-banner'), 20_000)
    await expectVisible(section(officer.page, '1.').getByTestId('their-text').getByText('Nội dung do người đứng đầu soạn.'))
    await officer.page.getByTestId('conflict-banner').scrollIntoViewIfNeeded()
    await screenshot(officer.page, 'reports-9-conflict-desktop')
    await officer.page.getByTestId('conflict-keep-mine').click()
    await saved(officer.page)
    // Nothing lost: the head's section 1 (the officer had not touched it since) and the officer's section 2.
    expect(await section(officer.page, '1.').getByLabel('Những việc đã làm').inputValue()).toBe('Nội dung do người đứng đầu soạn.')
    expect(await section(officer.page, '2.').getByLabel('Những việc đã làm').inputValue()).toBe('Mục 2 do cán bộ phụ trách soạn.')
    await officer.page.reload()
    expect(await section(officer.page, '1.').getByLabel('Những việc đã làm').inputValue()).toBe('Nội dung do người đứng đầu soạn.')
    expect(await section(officer.page, '2.').getByLabel('Những việc đã làm').inputValue()).toBe('Mục 2 do cán bộ phụ trách soạn.')

    // The connection drops as the officer leaves the page mid-sentence: the text comes back on return.
    await officer.page.route('**/report/draft', (route) => route.abort('internetdisconnected'))
    await section(officer.page, '3.').getByLabel('Những việc đã làm').fill('Mục 3 gõ xong thì mất mạng.')
    await officer.page.getByRole('link', { name: DEMO_PERIOD_TITLE }).click()
    await expectVisible(officer.page.getByTestId('unit-CQLD'))
    await officer.page.unroute('**/report/draft')
    await officer.page.getByTestId('unit-CQLD').click()
    await expectVisible(officer.page.getByTestId('restore-banner'))
    expect(await section(officer.page, '3.').getByLabel('Những việc đã làm').inputValue()).toBe('')
    await officer.page.getByTestId('restore-banner').getByRole('button', { name: 'Khôi phục' }).click()
    await saved(officer.page)
    expect(await section(officer.page, '3.').getByLabel('Những việc đã làm').inputValue()).toBe('Mục 3 gõ xong thì mất mạng.')
    await officer.page.reload()
    expect(await section(officer.page, '3.').getByLabel('Những việc đã làm').inputValue()).toBe('Mục 3 gõ xong thì mất mạng.')
    await expectHidden(officer.page.getByTestId('restore-banner'))

    expect(officer.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(e))).toEqual([])
    expect(head.errors).toEqual([])
  }, 300_000)
})
