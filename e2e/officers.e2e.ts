import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CourseDetailDto, OfficerDetailDto, OfficerDto, OfficerGapsDto } from '../contract/officers.ts'
import { chooseOption, dayFromNow, DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const COURSE = 'Bồi dưỡng nghiệp vụ bảo vệ chính trị nội bộ năm 2026 (kiểm thử)'
const CERTIFICATE = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

describe('officers and training: the board sees the gaps, records a course with attendance and a certificate, the officer turns current', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let officer: OfficerDto
  let courseUrl = ''

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'officers'))

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


  async function typeDay(field: Locator, day: string) {
    await field.click()
    await field.fill(day)
    await field.press('Enter')
  }

  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(officers|training|nav|common|people)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)

  it('shows the board the units without an officer, without current training, and the officers due, as the API has them; exports .xlsx', async () => {
    const page = await open('board', '/officers?tab=gaps')
    const gaps = await get<OfficerGapsDto>(page, '/officers/gaps')
    expect(gaps.unitsWithoutOfficer.length).toBeGreaterThan(0)
    expect(gaps.officersDue.length).toBeGreaterThan(0)
    const codesIn = (testId: string) => page.getByTestId(testId).locator('[data-unit-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-code')))
    await expectVisible(page.getByTestId('gaps-without-officer').locator('[data-unit-code]'))
    expect((await codesIn('gaps-without-officer')).sort()).toEqual(gaps.unitsWithoutOfficer.slice(0, 10).map((u) => u.code).sort())
    if (gaps.unitsWithoutCurrentTraining.length) expect((await codesIn('gaps-without-training')).sort()).toEqual(gaps.unitsWithoutCurrentTraining.slice(0, 10).map((u) => u.code).sort())
    expect(await page.getByText(`Đơn vị chưa có cán bộ được phân công (${gaps.unitsWithoutOfficer.length})`).count()).toBe(1)
    const due = page.getByTestId('gaps-due').locator('tbody tr.ant-table-row')
    expect(await due.count()).toBe(Math.min(10, gaps.officersDue.length))
    expect(await due.first().getByTestId('training-status').getAttribute('data-status')).toBe(gaps.officersDue[0].trainingStatus)

    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('officers-export').click()])
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK')
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'officers-1-gaps')

    // An overdue officer, whose refresher this story records.
    officer = gaps.officersDue.find((o) => o.trainingStatus === 'overdue')!
    expect(officer, 'the demo has an overdue officer').toBeTruthy()

    // The roster with their status, and their history.
    await page.getByRole('tab', { name: 'Danh sách cán bộ' }).click()
    await page.getByPlaceholder('Tìm theo họ tên').fill(officer.name)
    const row = page.getByTestId('roster').locator('tbody tr', { has: page.getByTestId(`officer-${officer.id}`) })
    await expectVisible(row)
    expect(await row.getByTestId('training-status').getAttribute('data-status')).toBe('overdue')
    await screenshot(page, 'officers-2-roster')
    await page.getByTestId(`officer-${officer.id}`).click()
    const detail = await get<OfficerDetailDto>(page, `/officers/${officer.id}`)
    const history = page.getByTestId('officer-history')
    await expectVisible(history)
    for (const h of detail.history) await expectVisible(history.getByText(h.title))
    await screenshot(page, 'officers-3-history')
  }, 180_000)

  it('lets the board record a course, enrol the officer as passed with a certificate file, and the officer turns current', async () => {
    const page = await open('board', '/training-courses')
    await page.getByRole('button', { name: 'Ghi nhận khóa bồi dưỡng' }).click()
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section')
    await drawer.getByLabel('Tên khóa').fill(COURSE)
    await drawer.getByLabel('Đơn vị tổ chức').fill('Ban Bảo vệ chính trị nội bộ Bộ Y tế')
    await typeDay(drawer.getByLabel('Từ ngày'), dayFromNow(-3))
    await typeDay(drawer.getByLabel('Đến ngày'), dayFromNow(-1))
    await drawer.getByLabel('Số giờ').fill('16')
    await page.getByTestId('course-submit').click()
    await page.waitForURL(/\/training-courses\/\d+$/)
    courseUrl = page.url()
    await expectVisible(page.getByRole('heading', { name: COURSE }))
    expect(await page.locator('.ant-descriptions').innerText()).toContain(`${dayFromNow(-3)} – ${dayFromNow(-1)}`)

    await page.getByTestId('add-attendee').click()
    const dialog = page.getByRole('dialog')
    await chooseOption(page, dialog.getByLabel('Học viên'), officer.name, `${officer.name} — `)
    await dialog.getByRole('button', { name: 'Thêm học viên' }).click()
    const row = page.getByTestId('attendees').locator('tbody tr', { hasText: officer.name })
    await expectVisible(row)
    expect(await row.getByTestId('attendance-result').getAttribute('data-result')).toBe('passed')
    // Completion counts from the course's last day.
    expect(await row.getByTestId('attendance-result').innerText()).toContain(dayFromNow(-1))

    // The certificate as a file, then downloaded back byte for byte.
    await row.locator('input[type=file]').setInputFiles({ name: 'chung-chi.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE })
    await expectVisible(row.getByTestId('certificate').getByText('chung-chi.pdf'))
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), row.getByTestId('certificate').click()])
    expect(readFileSync((await file.path())!)).toEqual(CERTIFICATE)
    const course = await get<CourseDetailDto>(page, new URL(courseUrl).pathname)
    expect(course.attendees.find((a) => a.personId === officer.personId)?.certificates).toHaveLength(1)
    await noRawKeys(page)
    await screenshot(page, 'officers-4-course')

    // The officer's status is now current, in the API and on the roster, and they left the gaps.
    const after = await get<OfficerDetailDto>(page, `/officers/${officer.id}`)
    expect(after.trainingStatus).toBe('current')
    expect(after.history.map((h) => h.title)).toContain(COURSE)
    const gaps = await get<OfficerGapsDto>(page, '/officers/gaps')
    expect(gaps.officersDue.map((o) => o.id)).not.toContain(officer.id)
    await page.goto(`${server.url}/officers`)
    await page.getByPlaceholder('Tìm theo họ tên').fill(officer.name)
    const rosterRow = page.getByTestId('roster').locator('tbody tr', { has: page.getByTestId(`officer-${officer.id}`) })
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="officer-${id}"]`)?.closest('tr')?.querySelector('[data-testid="training-status"]')?.getAttribute('data-status') === 'current',
      officer.id,
    )
    expect(await rosterRow.getByTestId('training-status').innerText()).toContain('Đã bồi dưỡng, còn trong chu kỳ')
    await screenshot(page, 'officers-5-roster-current')
  }, 180_000)

  it('fits a phone (390×844): roster, gaps, courses and a course', async () => {
    const page = await open('board', '/officers', PHONE)
    await expectVisible(page.getByTestId('roster').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'officers-6-phone-roster')
    await page.goto(`${server.url}/officers?tab=gaps`)
    await expectVisible(page.getByTestId('gaps-without-officer').locator('[data-unit-code]'))
    await noSidewaysScroll(page)
    await screenshot(page, 'officers-7-phone-gaps')
    await page.goto(`${server.url}/training-courses`)
    await expectVisible(page.getByTestId('courses').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'officers-8-phone-courses')
    await page.goto(courseUrl)
    await expectVisible(page.getByTestId('attendees').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'officers-9-phone-course')
  }, 180_000)
})
