import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PersonDto } from '../contract/people.ts'
import type { AlertDto, PositionDto, ReadinessDto } from '../contract/positions.ts'
import type { UnitDto } from '../contract/units.ts'
import { formatShare } from '../web/features/positions/share.ts'
import { DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

const HEADER = ['STT', 'Vị trí', 'Bộ phận', 'Lý do trọng yếu', 'Yêu cầu kết luận TCCT', 'Chu kỳ thẩm định (tháng)', 'Người giữ vị trí', 'Từ ngày', 'Quyền']

/** A register as a unit would type it in Excel: a title line, the header, then the rows. */
async function registerFile(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sổ vị trí')
  ws.addRow(['SỔ VỊ TRÍ TRỌNG YẾU, CƠ MẬT - BỆNH VIỆN K'])
  ws.addRow(HEADER)
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('key positions: a unit imports its register, expired conclusions alert the head and the board, the board rolls up and drills down', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'positions'))

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

  /** What the page's own session gets from the API. */
  async function get<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${server.url}/api/v1${path}`)
    expect(res.status(), path).toBe(200)
    return (await res.json()) as T
  }

  const unitByCode = async (page: Page, code: string) => (await get<{ items: UnitDto[] }>(page, '/units')).items.find((u) => u.code === code)!
  const noRawKeys = async (page: Page) => expect(await page.locator('body').innerText()).not.toMatch(/\b(positions|nav|common|people)\.[a-z][A-Za-z]*(\.[A-Za-z]+)*\b/)
  /** The titles the register table shows, in order. */
  const shownTitles = (page: Page) => page.getByTestId('register').locator('tbody tr.ant-table-row td:first-child a').allInnerTexts()

  it("lets a unit's officer import the register: a bad row refuses the whole file, a good file adds every row", async () => {
    const page = await open('officer.bvk', '/positions')
    const unit = await unitByCode(page, 'BVK')
    await page.goto(`${server.url}/positions?unitId=${unit.id}`)
    const before = await get<{ items: PositionDto[] }>(page, `/positions?unitId=${unit.id}`)
    await expectVisible(page.getByTestId('register').locator('tbody tr.ant-table-row'))
    expect((await shownTitles(page)).sort()).toEqual(before.items.map((p) => p.title).sort())

    // A holder the register can name without doubt: a person of the unit whose name no one else has.
    const people = (await get<{ items: PersonDto[] }>(page, `/people?unitId=${unit.id}&limit=200`)).items
    const holder = people.find((p) => p.isActive && people.filter((q) => q.fullName === p.fullName).length === 1)!

    // The first data row (sheet row 3) has a reason no one can read; the second is good.
    const bad = await registerFile([
      ['Thủ kho vật tư phóng xạ', 'Khoa Y học hạt nhân', 'Không rõ lý do', 'Có', '24', '', '', ''],
      ['Chuyên viên quản lý hồ sơ mật', 'Phòng Hành chính', 'Độ Mật', 'Có', '24', holder.fullName, '01/03/2025', 'Không'],
    ])
    await page.locator('input[type=file]').setInputFiles({ name: 'so-vi-tri-loi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad })
    const failed = page.getByTestId('import-failed')
    await expectVisible(failed)
    expect(await failed.innerText()).toContain('chưa dòng nào được nhập')
    const errorRows = await failed.getByTestId('import-errors').locator('tbody tr.ant-table-row').allInnerTexts()
    expect(errorRows).toHaveLength(1)
    expect(errorRows[0]).toMatch(/^3\s/)
    expect(errorRows[0]).toContain('Không rõ lý do')
    // Nothing was imported, not even the good row.
    const afterBad = await get<{ items: PositionDto[] }>(page, `/positions?unitId=${unit.id}`)
    expect(afterBad.items.map((p) => p.id).sort()).toEqual(before.items.map((p) => p.id).sort())
    await noRawKeys(page)
    await screenshot(page, 'positions-1-import-refused')

    const good = await registerFile([
      ['Thủ kho vật tư phóng xạ', 'Khoa Y học hạt nhân', 'Tài chính, kế toán', 'Không', '', '', '', ''],
      ['Chuyên viên quản lý hồ sơ mật', 'Phòng Hành chính', 'Độ Mật', 'Có', '24', holder.fullName, '01/03/2025', 'Không'],
    ])
    await page.locator('input[type=file]').setInputFiles({ name: 'so-vi-tri.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good })
    const ok = page.getByTestId('import-ok')
    await expectVisible(ok)
    expect(await ok.innerText()).toContain('thêm 2 vị trí')
    const after = await get<{ items: PositionDto[] }>(page, `/positions?unitId=${unit.id}`)
    expect(after.items).toHaveLength(before.items.length + 2)
    const secret = after.items.find((p) => p.title === 'Chuyên viên quản lý hồ sơ mật')!
    expect(secret.holder?.name).toBe(holder.fullName)
    expect(secret.classification).toBe('stateSecretConfidential')
    // The table shows every position the API has, the new holder with "since" in dd/MM/yyyy.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="register"] tbody tr.ant-table-row').length === n, after.items.length)
    const row = page.getByTestId('register').locator('tbody tr', { hasText: 'Chuyên viên quản lý hồ sơ mật' })
    expect(await row.innerText()).toContain(`${holder.fullName}`)
    expect(await row.innerText()).toContain('từ 01/03/2025')
    expect(await row.getByTestId('vetting').getAttribute('data-status')).toBe(secret.vetting)
    // The position not requiring a conclusion says so; the vacant one shows "Khuyết".
    expect(await page.getByTestId('register').locator('tbody tr', { hasText: 'Thủ kho vật tư phóng xạ' }).innerText()).toContain('Khuyết')

    // Export: the register as .xlsx (a zip).
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('register-export').click()])
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK')
    await noSidewaysScroll(page)
    await screenshot(page, 'positions-2-imported')

    // The position's own page: holders over time.
    await row.getByRole('link', { name: 'Chuyên viên quản lý hồ sơ mật' }).click()
    await page.waitForURL(`**/positions/${secret.id}`)
    await expectVisible(page.getByTestId('holders').getByText(holder.fullName))
    expect(await page.getByTestId('holders').innerText()).toContain('01/03/2025')
    await noRawKeys(page)
    await screenshot(page, 'positions-3-position')
  }, 240_000)

  it('shows the head of the unit and the board the alert on a holder whose conclusion expired', async () => {
    const head = await open('head.bvcr', '/positions?tab=alerts')
    const alerts = await get<{ items: AlertDto[] }>(head, '/position-alerts')
    const expired = alerts.items.find((a) => a.status === 'expired')
    expect(expired, 'the demo has a holder whose conclusion expired').toBeTruthy()
    const row = head.getByTestId('alerts').locator('tbody tr', { hasText: expired!.holder.name })
    await expectVisible(row)
    expect(await row.getByTestId('vetting').getAttribute('data-status')).toBe('expired')
    expect(await row.innerText()).toContain(expired!.positionTitle)
    // Every alert the API has, and the count on the tab.
    expect(await head.getByTestId('alerts').locator('tbody tr.ant-table-row').count()).toBe(alerts.items.length)
    expect(await head.getByTestId('alerts-tab').innerText()).toContain(String(alerts.items.length))
    await noRawKeys(head)
    await screenshot(head, 'positions-4-alerts-head')

    // The position's page carries the alert; the register shows the expired conclusion in red with its date.
    await row.getByRole('link', { name: expired!.positionTitle }).click()
    await expectVisible(head.getByTestId('position-alert'))
    expect(await head.getByTestId('vetting').first().getAttribute('data-status')).toBe('expired')
    expect(await head.getByTestId('vetting').first().innerText()).toMatch(/hiệu lực đến \d{2}\/\d{2}\/\d{4}/)

    // The board sees the same alert among the ministry's.
    const board = await open('board', '/positions?tab=alerts')
    await expectVisible(board.getByTestId('alerts').locator('tbody tr', { hasText: expired!.holder.name }))
    const all = await get<{ items: AlertDto[] }>(board, '/position-alerts')
    expect(all.items.map((a) => a.id)).toContain(expired!.id)
    expect(all.items.length).toBeGreaterThanOrEqual(alerts.items.length)
    await screenshot(board, 'positions-5-alerts-board')
  }, 180_000)

  it('gives the board the roll-up per unit down the tree, and drills down to a unit’s register', async () => {
    const page = await open('board', '/positions?tab=readiness')
    const top = (await get<{ items: UnitDto[] }>(page, '/units')).items.find((u) => u.parentId === null)!
    const rollup = await get<ReadinessDto>(page, `/units/${top.id}/readiness`)
    const table = page.getByTestId('readiness')
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="readiness"] tbody tr.ant-table-row').length === n, rollup.children.length)
    const totals = await page.getByTestId('readiness-totals').innerText()
    for (const n of [rollup.positions, rollup.filled, rollup.vetting.expired, rollup.vetting.none]) expect(totals).toContain(String(n))
    expect(totals).toContain(formatShare(rollup.vettedShare))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'positions-6-rollup')

    // Down to the child whose subtree has the most positions, then to a unit with positions of its own.
    const units = (await get<{ items: UnitDto[] }>(page, '/units')).items
    const parents = new Set(units.map((u) => u.parentId))
    const child = rollup.children.filter((c) => parents.has(c.unitId)).sort((a, b) => b.positions - a.positions)[0]
    expect(child.positions).toBeGreaterThan(0)
    const childRow = table.locator('tbody tr', { has: page.getByTestId(`drill-${child.code}`) })
    expect(await childRow.innerText()).toContain(formatShare(child.vettedShare))
    await page.getByTestId(`drill-${child.code}`).click()
    const below = await get<ReadinessDto>(page, `/units/${child.unitId}/readiness`)
    await expectVisible(page.getByTestId('readiness-crumbs').getByText(child.name))
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="readiness"] tbody tr.ant-table-row').length === n, below.children.length)
    expect(below.positions).toBe(child.positions)
    await screenshot(page, 'positions-7-rollup-drill')

    const target = below.children.filter((c) => c.positions > 0).sort((a, b) => b.positions - a.positions)[0]
    await page.getByTestId(`open-register-${target.code}`).click()
    await page.waitForURL(`**/positions?*unitId=${target.unitId}*`)
    const register = await get<{ items: PositionDto[] }>(page, `/positions?under=${target.unitId}`)
    expect(register.items).toHaveLength(target.positions)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="register"] tbody tr.ant-table-row').length === n, register.items.length)
    expect((await shownTitles(page)).sort()).toEqual(register.items.map((p) => p.title).sort())
    await screenshot(page, 'positions-8-drilled-register')
  }, 180_000)

  it('fits a phone (390×844): register, alerts, roll-up and a position', async () => {
    const page = await open('board', '/positions', PHONE)
    await expectVisible(page.getByTestId('register').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'positions-9-phone-register')
    await page.goto(`${server.url}/positions?tab=alerts`)
    await expectVisible(page.getByTestId('alerts').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await screenshot(page, 'positions-10-phone-alerts')
    await page.goto(`${server.url}/positions?tab=readiness`)
    await expectVisible(page.getByTestId('readiness').locator('tbody tr.ant-table-row'))
    await noSidewaysScroll(page)
    await screenshot(page, 'positions-11-phone-rollup')
    const first = (await get<{ items: PositionDto[] }>(page, '/positions')).items[0]
    await page.goto(`${server.url}/positions/${first.id}`)
    await expectVisible(page.getByTestId('holders'))
    await noSidewaysScroll(page)
    await noRawKeys(page)
    await screenshot(page, 'positions-12-phone-position')
    // In English, nothing Vietnamese-only or raw is left on the roll-up.
    await page.goto(`${server.url}/positions?tab=readiness`)
    await page.locator('.bvct-header').getByText('EN', { exact: true }).click()
    await expectVisible(page.getByRole('heading', { name: 'Key and confidential positions' }))
    await expectVisible(page.getByTestId('readiness-totals').getByText('With a current conclusion'))
    await noRawKeys(page)
    await noSidewaysScroll(page)
    await screenshot(page, 'positions-13-phone-rollup-en')
  }, 180_000)
})
