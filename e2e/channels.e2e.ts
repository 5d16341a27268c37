import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelDto } from '../contract/channels.ts'
import type { CybersecurityDto, IncidentDto } from '../contract/incidents.ts'
import type { IndicatorUnitsDto, OverviewDto } from '../contract/overview.ts'
import type { UnitDto } from '../contract/units.ts'
import { worstFirst } from '../web/features/channels/summary.ts'
import { formatValue } from '../web/features/overview/overview-lines.ts'
import { chooseOption, DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const OFFICER = 'officer.bvbm'
const UNIT_CODE = 'BVBM'
const PAGE_NAME = 'Trang Facebook Khoa Khám bệnh - Bệnh viện Bạch Mai'
const PAGE_ADDRESS = 'https://www.facebook.com/khoakhambenh.bachmai'
const LESSONS = 'Rà soát trang giả mạo hằng tuần; ghim bài hướng dẫn nhận biết trang chính thức của khoa.'

describe('official channels and incidents: a unit registers a page, records an impersonation through to closure; the committee sees it', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let channelId = 0
  let incidentId = 0
  let openBefore = 0
  let committee: Page
  let officer: Page

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'channels'))

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


  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(channels|incidents|common|nav|overview)\.[a-z][A-Za-z.]*\b/)
  const check = async (page: Page) => {
    await noSidewaysScroll(page)
    await noRawKeys(page)
  }

  /** The open-incidents figure as the overview page shows it, after checking it against the API. */
  async function openIncidentsShown(page: Page): Promise<number> {
    await page.goto(`${server.url}/overview`)
    const row = page.getByTestId('indicator-incidents_open')
    await expectVisible(row.getByTestId('indicator-value'))
    const overview = await get<OverviewDto>(page, '/overview')
    const indicator = overview.indicators.find((i) => i.key === 'incidents_open')!
    expect(indicator.tracked).toBe(true)
    const shown = await row.getByTestId('indicator-value').innerText()
    expect(shown).toBe(formatValue('count', indicator.value))
    return indicator.value!
  }

  it("the committee reads today's open-incidents figure; the unit's officer registers a Facebook page and reviews it", async () => {
    committee = await open('committee', '/overview')
    openBefore = await openIncidentsShown(committee)
    expect(openBefore).toBeGreaterThanOrEqual(1) // the demo's open defacement

    const page = await open(OFFICER, '/')
    await page.getByRole('menuitem', { name: 'Kênh thông tin' }).click()
    await page.waitForURL('**/channels')
    await expectVisible(page.getByRole('heading', { name: 'Kênh thông tin chính thức của đơn vị' }))
    // The unit sees its own channels only, as the API lists them.
    const register = page.getByTestId('channel-register')
    await expectVisible(register.getByText('Trang Facebook Bệnh viện Bạch Mai'))
    const own = await get<{ items: { unitId: number; address: string }[] }>(page, '/channels')
    expect(new Set(own.items.map((c) => c.unitId)).size).toBe(1)
    expect(await register.locator('tbody tr.ant-table-row').count()).toBe(own.items.length)
    await check(page)
    await screenshot(page, 'channels-1-unit-register-desktop')

    await page.getByRole('button', { name: 'Đăng ký kênh' }).click()
    const drawer = page.getByRole('dialog')
    await expectVisible(drawer.getByText('Đăng ký kênh thông tin chính thức'))
    // The unit is the officer's own, and the kind starts at a Facebook page.
    await expectVisible(drawer.locator('.ant-select', { hasText: 'Bệnh viện Bạch Mai' }))
    await expectVisible(drawer.locator('.ant-select', { hasText: 'Trang Facebook (fanpage)' }))
    await drawer.getByLabel('Tên kênh').fill(PAGE_NAME)
    // A personal mailbox is refused on the field, in words.
    await drawer.getByLabel('Địa chỉ').fill('khoakhambenh.bachmai@gmail.com')
    await drawer.getByLabel('Mục đích sử dụng').fill('Hướng dẫn người bệnh đến khám tại Khoa Khám bệnh')
    await chooseOption(page, drawer.getByLabel('Người chịu trách nhiệm'), 'Nguyễn', /^Nguyễn .* — Bệnh viện Bạch Mai$/)
    await chooseOption(page, drawer.getByLabel('Người quản trị 1'), 'Trần', /^Trần .* — Bệnh viện Bạch Mai$/)
    await drawer.getByTestId('admin-row-0').getByText('Bật xác thực hai lớp').click()
    await drawer.getByLabel('Hộp thư hoặc số điện thoại').fill('cntt@bachmai.gov.vn')
    await drawer.getByLabel('Ghi chú (bộ phận quản lý)').fill('Hộp thư của Phòng Công nghệ thông tin')
    await page.getByTestId('channel-submit').click()
    await expectVisible(drawer.getByText('Đây là tài khoản cá nhân, không phải kênh chính thức do đơn vị quản lý'))
    await screenshot(page, 'channels-2-register-refused')
    await drawer.getByLabel('Địa chỉ').fill(PAGE_ADDRESS)
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/channels') && r.request().method() === 'POST')
    await page.getByTestId('channel-submit').click()
    const answer = await saved
    expect(answer.status()).toBe(201)
    const channel = (await answer.json()) as ChannelDto
    channelId = channel.id
    await page.waitForURL(`**/channels/${channelId}`)
    await expectVisible(page.getByRole('heading', { name: PAGE_NAME }))
    const details = page.getByTestId('channel-details')
    await expectVisible(details.getByText(PAGE_ADDRESS))
    // Never reviewed yet, one admin with two-factor, recovery by the unit's mailbox.
    expect(channel.admins).toHaveLength(1)
    expect(channel.admins[0].hasTwoFactor).toBe(true)
    await expectVisible(page.getByText('Đủ xác thực hai lớp'))
    await expectVisible(details.getByText('Chưa rà soát lần nào'))
    await expectVisible(page.getByText('cntt@bachmai.gov.vn'))
    await expectVisible(page.getByTestId('channel-admins').getByText(channel.admins[0].fullName))

    // The first security review: a look-alike page found, with a follow-up action.
    await page.getByTestId('record-review').click()
    const review = page.getByRole('dialog')
    for (const c of ['adminsStillNeeded', 'twoFactorOn', 'recoveryContactsCurrent', 'postingRulesFollowed']) await review.getByTestId(`check-${c}`).click()
    await review.getByLabel('Phát hiện', { exact: true }).fill('Phát hiện một trang giả mạo dùng tên và ảnh của Khoa Khám bệnh.')
    await review.getByRole('button', { name: 'Thêm biện pháp' }).click()
    await review.getByLabel('Biện pháp 1').fill('Báo cáo nền tảng gỡ trang giả mạo')
    await page.getByTestId('review-submit').click()
    const reviews = page.getByTestId('channel-reviews')
    await expectVisible(reviews.getByText('Có nội dung không đạt'))
    await expectVisible(reviews.getByText('Báo cáo nền tảng gỡ trang giả mạo'))
    const reviewed = await get<ChannelDto>(page, `/channels/${channelId}`)
    expect(reviewed.reviews).toHaveLength(1)
    expect(reviewed.reviews[0].checks.noLookAlikes).toBe(false)
    expect(reviewed.reviewStatus).toBe('current')
    await expectVisible(page.locator('[data-review-status="current"]'))
    await check(page)
    await screenshot(page, 'channels-3-channel-desktop')
  }, 240_000)

  it('the officer records an impersonation on the page; the committee sees open incidents go up and drills down to the unit', async () => {
    const page = await open(OFFICER, '/incidents')
    officer = page
    await expectVisible(page.getByRole('heading', { name: 'Sự cố an ninh mạng' }))
    await page.getByRole('button', { name: 'Ghi nhận sự cố' }).click()
    const drawer = page.getByRole('dialog')
    await chooseOption(page, drawer.getByLabel('Loại sự cố'), 'Giả mạo', 'Giả mạo đơn vị')
    await chooseOption(page, drawer.getByLabel('Kênh thông tin'), 'Khoa Khám', PAGE_NAME)
    await drawer.getByLabel('Diễn biến').fill('Một trang Facebook giả mạo Khoa Khám bệnh nhận đặt lịch khám có thu phí qua tin nhắn.')
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/incidents') && r.request().method() === 'POST')
    await page.getByTestId('incident-submit').click()
    const answer = await saved
    expect(answer.status()).toBe(201)
    incidentId = ((await answer.json()) as IncidentDto).id
    await page.waitForURL(`**/incidents/${incidentId}`)
    await expectVisible(page.getByRole('heading', { name: 'Sự cố tại Bệnh viện Bạch Mai' }))
    await expectVisible(page.getByTestId('incident-details').getByRole('link', { name: PAGE_NAME }))
    await expectVisible(page.getByText('Chưa báo cáo cho nơi nào'))

    // The committee's overview: one more open incident, and the drill-down reaches the unit.
    const during = await openIncidentsShown(committee)
    expect(during).toBe(openBefore + 1)
    await committee.getByTestId('indicator-incidents_open').getByTestId('open-units').click()
    const units = committee.getByTestId('overview-units')
    const list = units.getByTestId('overview-unit-list')
    await expectVisible(list)
    const all = (await get<{ items: UnitDto[] }>(committee, '/units?includeInactive=1')).items
    const byId = new Map(all.map((u) => [u.id, u]))
    const target = all.find((u) => u.code === UNIT_CODE)!
    const chain: UnitDto[] = []
    for (let u: UnitDto | undefined = target; u; u = u.parentId ? byId.get(u.parentId) : undefined) chain.unshift(u)
    // The committee's scope is the ministry: the drawer opens on the units under it; walk down to the unit.
    for (const u of chain.slice(1, -1)) {
      await list.locator(`li[data-unit-code="${u.code}"]`).getByRole('button').click()
      await expectVisible(units.locator('.bvct-ov-crumbs').getByText(u.name))
    }
    const row = list.locator(`li[data-unit-code="${UNIT_CODE}"]`)
    await expectVisible(row)
    const parent = chain.at(-2)!
    const figures = await get<IndicatorUnitsDto>(committee, `/overview/incidents_open/units?under=${parent.id}`)
    const mine = figures.items.find((u) => u.unitCode === UNIT_CODE)!
    expect(mine.value).toBeGreaterThanOrEqual(1)
    expect(await row.innerText()).toContain(formatValue('count', mine.value)!)
    await screenshot(committee, 'channels-4-overview-drill')
    await units.getByRole('link', { name: 'Mở trang xử lý' }).click()
    await committee.waitForURL('**/incidents')
    // The board's view on the incidents page counts the open incident under the unit too.
    const view = await get<CybersecurityDto>(committee, '/cybersecurity')
    await expectVisible(committee.getByTestId('cyber-open-incidents').getByText(`${view.totals.incidents.open} sự cố đang xử lý`))
    await expectVisible(committee.getByTestId('incident-register').getByText(PAGE_NAME))
    // Read-only for the committee: no record button.
    expect(await committee.getByRole('button', { name: 'Ghi nhận sự cố' }).count()).toBe(0)
    await check(committee)
    await screenshot(committee, 'channels-5-incidents-committee-desktop')
  }, 240_000)

  it('the officer reports it to the Board, adds response steps, closes it with lessons learned; the figure goes back', async () => {
    const page = officer
    await page.getByTestId('add-report').click()
    const dialog = page.getByRole('dialog')
    // The first recipient not reported yet is offered: the Board.
    await expectVisible(dialog.locator('.ant-select', { hasText: 'Ban Bảo vệ chính trị nội bộ' }))
    await dialog.getByLabel('Số văn bản, phiếu hỗ trợ').fill('Báo cáo nhanh số 21/BC-BM')
    await dialog.getByRole('button', { name: 'Lưu báo cáo' }).click()
    const reports = page.getByTestId('incident-reports')
    await expectVisible(reports.getByText('Báo cáo nhanh số 21/BC-BM'))
    await expectVisible(page.getByTestId('incident-details').locator('[data-testid="report-time"] [data-timeliness="done_on_time"]'))

    for (const action of ['Đăng cảnh báo trên trang chính thức và cổng thông tin', 'Gửi yêu cầu gỡ trang giả mạo qua kênh hỗ trợ của nền tảng']) {
      await page.getByTestId('add-step').click()
      await page.getByRole('dialog').getByLabel('Việc đã làm').fill(action)
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu bước xử lý' }).click()
      await expectVisible(page.getByTestId('incident-steps').getByText(action))
    }
    await screenshot(page, 'channels-6-incident-open-desktop')

    // While open, what happened can be corrected (the version travels with it).
    await page.getByRole('button', { name: 'Sửa', exact: true }).click()
    const edit = page.getByRole('dialog')
    await expectVisible(edit.getByText('Sửa thông tin sự cố'))
    await edit.getByLabel('Diễn biến').fill('Một trang Facebook giả mạo Khoa Khám bệnh nhận đặt lịch khám có thu phí qua tin nhắn; đã có người bệnh chuyển tiền.')
    await page.getByTestId('incident-submit').click()
    await expectVisible(page.getByTestId('incident-details').getByText('đã có người bệnh chuyển tiền', { exact: false }))

    await page.getByTestId('close-incident').click()
    const closing = page.getByRole('dialog')
    // Too short a lesson is refused on the field.
    await closing.getByLabel('Bài học kinh nghiệm').fill('Xong')
    await closing.getByRole('button', { name: 'Kết thúc sự cố' }).click()
    await expectVisible(closing.getByText('Quá ngắn (tối thiểu 10)'))
    await closing.getByLabel('Bài học kinh nghiệm').fill(LESSONS)
    await closing.getByRole('button', { name: 'Kết thúc sự cố' }).click()
    await expectVisible(page.getByTestId('incident-lessons').getByText(LESSONS))
    const closed = await get<IncidentDto>(page, `/incidents/${incidentId}`)
    expect(closed.status).toBe('closed')
    expect(closed.reports.map((r) => r.recipient)).toEqual(['board'])
    expect(closed.steps).toHaveLength(2)
    expect(closed.timeliness).toBe('done_on_time')
    await expectVisible(page.locator('[data-status="closed"]'))
    await expectVisible(page.locator('[data-timeliness="done_on_time"]'))
    expect(await page.getByTestId('close-incident').count()).toBe(0)
    await check(page)
    await screenshot(page, 'channels-7-incident-closed-desktop')

    // Listed as closed on time.
    await page.getByRole('link', { name: '← Danh sách sự cố' }).click()
    await page.waitForURL('**/incidents')
    const row = page.getByTestId('incident-register').locator('tr', { hasText: PAGE_NAME })
    await expectVisible(row.locator('[data-status="closed"]'))
    await screenshot(page, 'channels-8-incidents-unit-desktop')

    expect(await openIncidentsShown(committee)).toBe(openBefore)
  }, 240_000)

  it("the board reads channels by unit down the tree; every page fits a phone", async () => {
    const board = await open('board', '/channels')
    const summary = board.getByTestId('cyber-summary')
    await expectVisible(summary.locator('tbody tr.ant-table-row'))
    // A scope of one unit opens on the units under it, as the API lists them.
    const top = await get<CybersecurityDto>(board, '/cybersecurity')
    const view = top.rows.length === 1 && top.rows[0].hasChildren ? await get<CybersecurityDto>(board, `/cybersecurity?under=${top.rows[0].unitId}`) : top
    // Worst first, ten to a page.
    const expected = worstFirst(view.rows).slice(0, 10)
    await board.waitForFunction(
      (ids) => JSON.stringify([...document.querySelectorAll('[data-testid="cyber-summary"] tbody tr.ant-table-row')].map((e) => Number(e.getAttribute('data-unit-id')))) === JSON.stringify(ids),
      expected.map((r) => r.unitId),
    )
    await expectVisible(summary.locator(`tr[data-unit-id="${expected[0].unitId}"]`).getByText(expected[0].unitName))
    // Filter the register to channels missing two-factor: every row says so.
    await board.getByText('Chỉ kênh thiếu xác thực hai lớp').click()
    await board.waitForURL('**/channels?twoFactor=0')
    const register = board.getByTestId('channel-register')
    const missing = await get<{ items: unknown[] }>(board, '/channels?twoFactor=0')
    expect(missing.items.length).toBeGreaterThan(0)
    await board.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="channel-register"] [data-two-factor="0"]').length === n && !document.querySelector('[data-testid="channel-register"] [data-two-factor="1"]'),
      Math.min(missing.items.length, 20),
    )
    await expectVisible(register.getByText('Thiếu xác thực hai lớp'))
    await check(board)
    await screenshot(board, 'channels-9-board-desktop')

    for (const [path, name] of [['/channels', 'channels-10-phone'], [`/channels/${channelId}`, 'channels-11-channel-phone'], ['/incidents', 'channels-12-incidents-phone'], [`/incidents/${incidentId}`, 'channels-13-incident-phone']] as const) {
      const phone = await open(OFFICER, path, PHONE)
      await expectVisible(phone.locator('.ant-card').first())
      await phone.locator('.ant-skeleton').first().waitFor({ state: 'hidden', timeout: 15_000 })
      await check(phone)
      await screenshot(phone, name)
      if (path === `/incidents/${incidentId}`) {
        await phone.locator('.bvct-header').getByText('EN', { exact: true }).click()
        await expectVisible(phone.getByRole('heading', { name: 'Incident at Bệnh viện Bạch Mai' }))
        await expectVisible(phone.getByText('Lessons learned'))
        await expectVisible(phone.getByText('Completed on time').first())
        await check(phone)
        await screenshot(phone, 'channels-14-incident-phone-en')
      }
    }
  }, 240_000)
})
