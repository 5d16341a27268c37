import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_HEADER } from '../contract/auth.ts'
import { ACTION_STATUS_LABELS, type ActionDto, type PlanDto } from '../contract/plans.ts'
import { DESKTOP, expectVisible, launchBrowser, noSidewaysScroll, openSignedIn, PHONE, screenshot, screenshotOnFailure, startServer, type TestServer } from './helpers.ts'

describe('the audit log reads in words: an auditor sees a plan change with the owner by name and the status word', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[][] = []
  let changed: { action: ActionDto; newStatus: ActionDto['status'] }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterEach((ctx) => screenshotOnFailure(ctx, contexts, 'audit'))

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

  // No message key and no camelCase identifier (`ownerPersonId`, `notStarted`) on the readable page.
  const noRawWords = async (page: Page) => {
    const text = await page.locator('.ant-table').innerText()
    expect(text).not.toMatch(/\b(audit|field|common)\.[a-z][A-Za-z]*\b/)
    expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/)
  }

  it('has a unit officer move one of the plan actions on (through the API, as the plan page would)', async () => {
    const page = await open('officer.bvbm', '/')
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as { csrfToken: string; roles: { unitId: number }[] }
    const unitId = me.roles[0].unitId
    const list = (await (await page.request.get(`${server.url}/api/v1/directives?limit=50`)).json()) as { items: { id: number }[] }
    let found: ActionDto | undefined
    for (const d of list.items) {
      const res = await page.request.get(`${server.url}/api/v1/directives/${d.id}/units/${unitId}/plan`)
      if (res.status() !== 200) continue
      const plan = (await res.json()) as PlanDto
      found = plan.requirements.flatMap((r) => r.actions).find((a) => a.ownerPersonId !== null && a.ownerName)
      if (found) break
    }
    expect(found, 'a demo plan action with an owner').toBeDefined()
    const newStatus = found!.status === 'inProgress' ? 'done' : 'inProgress'
    const res = await page.request.patch(`${server.url}/api/v1/actions/${found!.id}`, {
      headers: { [CSRF_HEADER]: me.csrfToken },
      data: { version: found!.version, status: newStatus, ...(newStatus === 'done' ? { completedOn: new Date().toISOString().slice(0, 10) } : {}) },
    })
    expect(res.status(), await res.text()).toBe(200)
    changed = { action: found!, newStatus }
  })

  it('shows the auditor the change in Vietnamese: who by full name, the record type, the owner by name, the status words (1366×768)', async () => {
    const page = await open('auditor', '/audit')
    await expectVisible(page.getByRole('heading', { name: 'Nhật ký hệ thống' }).or(page.getByText('Nhật ký hệ thống').first()))
    const row = page.getByRole('row').filter({ hasText: 'Việc trong kế hoạch' }).filter({ hasText: 'Cập nhật' }).first()
    await expectVisible(row)
    // The actor by full name, the username only as a hint in brackets.
    expect(await row.innerText()).toContain('(officer.bvbm)')
    await row.getByRole('button').first().click()
    const diff = page.getByTestId('audit-diff').first()
    await expectVisible(diff.getByText('Người phụ trách'))
    await expectVisible(diff.getByText(`${changed.action.ownerName} (#${changed.action.ownerPersonId})`).first())
    await expectVisible(diff.getByText(ACTION_STATUS_LABELS[changed.action.status].vi, { exact: true }))
    await expectVisible(diff.getByText(`→ ${ACTION_STATUS_LABELS[changed.newStatus].vi}`))
    expect(await diff.innerText()).not.toContain('ownerPersonId')
    await noRawWords(page)
    await screenshot(page, 'audit-desktop-vi')
    // The raw entry is still there for the auditor, identifiers and all.
    await page.getByText('Bản ghi gốc').first().click()
    await expectVisible(page.locator('.bvct-audit-raw').first())
    expect(await page.locator('.bvct-audit-raw').first().innerText()).toContain('"ownerPersonId"')
    await screenshot(page, 'audit-desktop-vi-raw')
  })

  it('reads the same in English on a phone, with nothing off to the side (390×844)', async () => {
    const page = await open('auditor', '/audit', PHONE)
    await page.evaluate(() => localStorage.setItem('bvct.lang', 'en'))
    await page.reload()
    const row = page.getByRole('row').filter({ hasText: 'Plan action' }).filter({ hasText: 'Updated' }).first()
    await expectVisible(row)
    await row.getByRole('button').first().click()
    const diff = page.getByTestId('audit-diff').first()
    await expectVisible(diff.getByText('Owner'))
    await expectVisible(diff.getByText(`→ ${ACTION_STATUS_LABELS[changed.newStatus].en}`))
    await noRawWords(page)
    await noSidewaysScroll(page)
    await screenshot(page, 'audit-phone-en')
  })
})
