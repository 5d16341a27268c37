// Two people for a powerful role: an administrator asks for the auditor role for a hospital
// officer, which waits ("chờ duyệt"); a committee member approves it on their own page; the
// administrator then sees the role granted, and the audit log holds both.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectHidden, expectVisible, launchBrowser, openSignedIn, screenshot, startServer, type TestServer } from './helpers.ts'

describe('a role that needs a second person', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('is asked for by an administrator and granted only when a committee member approves it', async () => {
    const admin = await openSignedIn(browser, server.url + '/accounts', 'admin', DESKTOP)
    await admin.page.goto(server.url + '/accounts')
    await admin.page.getByPlaceholder('Tìm theo tên đăng nhập hoặc họ tên').fill('officer.bvcr')
    const row = admin.page.getByRole('row', { name: /officer\.bvcr\b/ }).first()
    await expectVisible(row)
    await row.getByRole('button', { name: 'Thao tác' }).click()
    await admin.page.getByRole('menuitem', { name: 'Cấp vai trò' }).click()
    const dialog = admin.page.getByRole('dialog')
    await dialog.getByLabel('Vai trò').click()
    await admin.page.getByTitle('Kiểm soát viên').click()
    await dialog.getByRole('button', { name: 'Cấp vai trò' }).click()
    await expectVisible(admin.page.getByText('Đã gửi yêu cầu cấp vai trò; một thành viên Ban cán sự đảng sẽ duyệt'))
    await expectHidden(dialog)
    await expectVisible(row.getByText(/Kiểm soát viên · .* · chờ duyệt/))
    await screenshot(admin.page, 'role-requests-1-admin-asked')
    // The administrator has no approvals page.
    await admin.page.goto(server.url + '/role-requests')
    await expectHidden(admin.page.getByTestId('role-requests'))

    const committee = await openSignedIn(browser, server.url + '/role-requests', 'committee', DESKTOP)
    await committee.page.getByRole('menuitem', { name: 'Duyệt cấp vai trò' }).click()
    const list = committee.page.getByTestId('role-requests')
    const request = list.getByRole('row', { name: /officer\.bvcr/ })
    await expectVisible(request)
    await expectVisible(request.getByText('Kiểm soát viên', { exact: false }))
    await expectVisible(request.getByText(/admin đề nghị lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/))
    await screenshot(committee.page, 'role-requests-2-committee-desktop')
    await request.getByRole('button', { name: 'Duyệt' }).click()
    await committee.page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click()
    await expectVisible(committee.page.getByText('Đã duyệt: officer.bvcr có vai trò mới'))
    await expectVisible(list.getByText('Không có yêu cầu nào chờ duyệt'))

    await admin.page.goto(server.url + '/accounts')
    await admin.page.getByPlaceholder('Tìm theo tên đăng nhập hoặc họ tên').fill('officer.bvcr')
    const after = admin.page.getByRole('row', { name: /officer\.bvcr\b/ }).first()
    await expectVisible(after.getByText(/^Kiểm soát viên · /))
    await expectHidden(after.getByText(/chờ duyệt/))

    // The audit log names both people: who asked, who approved (read by the auditor, signed in in the browser).
    const auditor = await openSignedIn(browser, server.url + '/', 'auditor', DESKTOP)
    const entries = (await (await auditor.page.request.get(server.url + '/api/v1/audit?entity=account&limit=50')).json()).items as { action: string; actorUsername: string | null }[]
    const decided = entries.filter((e) => ['requestRole', 'approveRole'].includes(e.action)).map((e) => `${e.action}:${e.actorUsername}`)
    expect(decided).toEqual(expect.arrayContaining(['requestRole:admin', 'approveRole:committee']))
    expect(admin.errors).toEqual([])
    expect(committee.errors).toEqual([])
    for (const p of [admin, committee, auditor]) await p.context.close()
  })

  it('fits a phone (390×844) without sideways scrolling', async () => {
    const committee = await openSignedIn(browser, server.url + '/role-requests', 'committee', PHONE)
    await committee.page.goto(server.url + '/role-requests')
    await expectVisible(committee.page.getByText('Yêu cầu cấp vai trò chờ duyệt'))
    await screenshot(committee.page, 'role-requests-3-phone-vi')
    const width = await committee.page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    expect(committee.errors).toEqual([])
    await committee.context.close()
  })
})
