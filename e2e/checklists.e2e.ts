import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AssignmentDto, AssignmentSummaryDto } from '../contract/checklists.ts'
import type { CorrectiveDto } from '../contract/corrective-actions.ts'
import { dayFromNow, DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const TEMPLATE = 'Bảng tự kiểm tra bảo vệ bí mật nhà nước quý IV'
const ITEMS = ['Đơn vị có danh mục bí mật nhà nước được phê duyệt', 'Máy tính soạn thảo tài liệu mật không kết nối Internet']
const ROUND = 'Tự kiểm tra đột xuất bảo vệ bí mật nhà nước'
const NO_NOTE = 'Hai máy tính ở phòng Hành chính còn kết nối mạng'

describe('self-inspection: the board writes and assigns a checklist, the unit answers with one "no", the head submits, a corrective action appears', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let roundPath = ''

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'checklists'))

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
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

  async function typeDay(field: Locator, day: string) {
    await field.click()
    await field.fill(day)
    await field.press('Enter')
  }

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(checklists|corrective|nav|common)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)

  it('the board sees the demo rounds and who submitted, creates a template and assigns it to Bệnh viện E', async () => {
    const page = await open('board', '/')
    await page.getByRole('menuitem', { name: 'Tự kiểm tra' }).click()
    await page.waitForURL('**/checklists')
    const rounds = await get<{ items: AssignmentSummaryDto[]; total: number }>(page, '/checklist-assignments?limit=20')
    expect(rounds.total).toBeGreaterThan(0)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="rounds-table"] [data-testid="round-link"]').length === n, rounds.items.length)
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'checklists-1-rounds-desktop')

    // The demo template's rounds: each with how many of its units submitted, as the API has them.
    await page.getByRole('tab', { name: 'Mẫu bảng tự kiểm tra' }).click()
    await page.getByTestId('template-view').first().click()
    await expectVisible(page.getByTestId('template-round'))
    const all = await get<{ items: AssignmentSummaryDto[] }>(page, '/checklist-assignments?limit=500')
    const first = all.items.filter((a) => a.title === 'Tự kiểm tra 6 tháng đầu năm')
    const submitted = first.filter((a) => a.status === 'submitted').length
    await expectVisible(page.getByTestId('template-round').filter({ hasText: 'Tự kiểm tra 6 tháng đầu năm' }).getByText(`Đã nộp ${submitted}/${first.length}`, { exact: false }))
    await screenshot(page, 'checklists-2-template-desktop')
    await page.locator('.ant-drawer-close').click()
    await page.getByTestId('template-round').first().waitFor({ state: 'detached' })

    // A new template with two items, the second about state secrets.
    await page.getByRole('button', { name: 'Tạo mẫu' }).click()
    await page.getByLabel('Tên mẫu').fill(TEMPLATE)
    await page.getByTestId('add-item').click()
    const items = page.getByTestId('template-item')
    for (const [n, text] of ITEMS.entries()) await items.nth(n).getByLabel('Nội dung yêu cầu', { exact: false }).fill(text)
    await items.nth(1).locator('.ant-select').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Bảo vệ bí mật nhà nước' }).click()
    await screenshot(page, 'checklists-3-create-template-desktop')
    await page.getByTestId('template-submit').click()
    await expectVisible(page.getByText('Đã tạo mẫu'))

    // Assign it: without units the form says so under the field; then to Bệnh viện E, due in 14 days.
    await page.getByRole('row', { name: new RegExp(TEMPLATE) }).getByTestId('template-assign').click()
    const dialog = page.getByRole('dialog')
    await typeDay(dialog.getByLabel('Hạn nộp'), dayFromNow(14))
    await dialog.getByLabel('Tên đợt (mặc định là tên mẫu)').fill(ROUND)
    await dialog.getByRole('button', { name: 'Giao cho đơn vị' }).click()
    await expectVisible(dialog.locator('.ant-form-item-explain-error').getByText('Bắt buộc nhập'))
    await dialog.getByLabel('Đơn vị thực hiện').click()
    await page.keyboard.type('BVE')
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').getByText('Bệnh viện E', { exact: true }).click()
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Giao cho đơn vị' }).click()
    await expectVisible(page.getByText('Đã giao cho 1 đơn vị'))

    await page.getByRole('tab', { name: 'Các đợt tự kiểm tra' }).click()
    await expectVisible(page.getByTestId('rounds-table').getByRole('row', { name: new RegExp(`${ROUND}.*Bệnh viện E`) }))
    const mine = (await get<{ items: AssignmentSummaryDto[] }>(page, '/checklist-assignments?limit=500')).items.find((a) => a.title === ROUND)!
    expect(mine).toMatchObject({ unitName: 'Bệnh viện E', status: 'assigned', total: 2, answered: 0 })
    roundPath = `/checklists/${mine.id}`
  }, 240_000)

  it("the unit's officer answers both items, one \"no\" with a note, and saves a draft; only the head may submit", async () => {
    const page = await open('officer.bve', '/checklists')
    await page.getByTestId('rounds-table').getByRole('link', { name: ROUND }).click()
    await page.waitForURL(`**${roundPath}`)
    const items = page.getByTestId('checklist-item')
    await expectVisible(items)
    expect(await items.count()).toBe(2)
    await items.nth(0).getByText('Có', { exact: true }).click()
    await items.nth(1).getByText('Không', { exact: true }).click()
    await items.nth(1).getByLabel('Ghi chú').fill(NO_NOTE)
    await expectVisible(page.getByTestId('unsaved'))
    // The officer answers; the head submits.
    expect(await page.getByTestId('submit-checklist').count()).toBe(0)
    await page.getByTestId('save-answers').click()
    await expectVisible(page.getByText('Đã lưu câu trả lời'))
    await expectVisible(page.getByTestId('checklist-progress').getByText('Đã trả lời 2/2'))
    const saved = await get<AssignmentDto>(page, `/checklist-assignments${roundPath.slice('/checklists'.length)}`)
    expect(saved.items.map((i) => [i.answer, i.note])).toEqual([['yes', ''], ['no', NO_NOTE]])
    await noRawKeys(page)
    await screenshot(page, 'checklists-4-answered-desktop')
  }, 180_000)

  it('the head submits; the "no" becomes a finding with a corrective action, linked from its item', async () => {
    const page = await open('head.bve', roundPath)
    await expectVisible(page.getByTestId('submit-checklist'))
    await page.getByTestId('submit-checklist').click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Nộp bảng tự kiểm tra' }).click()
    await expectVisible(page.getByTestId('findings-made'))
    const item = page.getByTestId('checklist-item').nth(1)
    await expectVisible(item.getByTestId('became-corrective'))
    await screenshot(page, 'checklists-5-submitted-desktop')
    await item.getByRole('link', { name: 'Mở việc khắc phục' }).click()
    await page.waitForURL('**/corrective-actions/*')
    const id = Number(page.url().split('/').pop())
    const action = await get<CorrectiveDto>(page, `/corrective-actions/${id}`)
    expect(action).toMatchObject({ unitName: 'Bệnh viện E', status: 'open', inspectionId: null })
    expect(action.findingText).toBe(`${ITEMS[1]} — ${NO_NOTE}`)
    await expectVisible(page.getByTestId('corrective-title').getByText(ITEMS[1], { exact: false }))
    await expectVisible(page.getByTestId('corrective-finding').getByText(NO_NOTE, { exact: false }))
    expect(await page.getByTestId('corrective-finding').getByRole('link', { name: 'Tự kiểm tra' }).getAttribute('href')).toBe(roundPath)
    // The head can start on it at once.
    await expectVisible(page.getByTestId('upload-evidence'))
    await noRawKeys(page)
    await screenshot(page, 'checklists-6-corrective-desktop')
  }, 180_000)

  it('fits a phone: the board\'s rounds and the unit\'s submitted checklist', async () => {
    const board = await open('board', '/checklists', PHONE)
    await expectVisible(board.getByTestId('rounds-table').getByTestId('round-link'))
    await noSidewaysScroll(board)
    await noRawKeys(board)
    await screenshot(board, 'checklists-7-rounds-phone')
    const head = await open('head.bve', roundPath, PHONE)
    await expectVisible(head.getByTestId('findings-made'))
    await noSidewaysScroll(head)
    await noRawKeys(head)
    await screenshot(head, 'checklists-8-submitted-phone')
  }, 180_000)
})
