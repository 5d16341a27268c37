// A unit's register in and out as a spreadsheet: an import with bad rows is refused as a whole with
// every bad row named (nothing half-imported), a good one creates, updates and assigns holders (and
// raises their alerts), a second import of the same file changes nothing; the export opens in Excel
// with the columns the import reads, and goes back in unchanged. Scoped like the register.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedPerson } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let officer: Session
let board: Session
const people: Record<string, { id: number; fullName: string }> = {}

const HEADER = ['STT', 'Mã đơn vị', 'Bộ phận', 'Vị trí', 'Lý do trọng yếu', 'Yêu cầu kết luận', 'Chu kỳ (tháng)', 'Người giữ vị trí', 'Từ ngày', 'Quyền', 'Ghi chú']

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sổ vị trí')
  ws.addRow(['SỔ THEO DÕI VỊ TRÍ TRỌNG YẾU, CƠ MẬT'])
  ws.addRow([])
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow(r)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

async function upload(s: Session, unitId: number, bytes: Uint8Array, filename = 'so-vi-tri.xlsx', headers: Record<string, string> = {}) {
  const fd = new FormData()
  fd.append('file', new Blob([new Uint8Array(bytes)]), filename)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url: `/api/v1/units/${unitId}/positions/import`, payload: Buffer.from(await r.arrayBuffer()),
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')!, ...headers },
  })
}

const counts = async () => {
  const [r] = await t.db.query<{ positions: number; holdings: number; alerts: number }>(
    `SELECT (SELECT count(*)::int FROM key_position) AS positions, (SELECT count(*)::int FROM position_holding) AS holdings, (SELECT count(*)::int FROM position_alert) AS alerts`,
  )
  return r
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  for (const [k, name, unitId, isActive] of [
    ['ke', 'Phạm Thị Kế Toán', f.unitA.id, true],
    ['kho', 'Hoàng Văn Thủ Kho', f.subA.id, true],
    ['trung1', 'Trần Văn Trùng', f.unitA.id, true],
    ['trung2', 'Trần Văn Trùng', f.subA.id, true],
    ['nghi', 'Lý Thị Đã Nghỉ', f.unitA.id, false],
    ['b', 'Đặng Văn Bê', f.unitB.id, true],
  ] as const) {
    people[k] = await seedPerson(t.db, { unitId, fullName: name, isActive })
  }
  ;[officer, board] = [await t.login('unitOfficer.a'), await t.login('board')]
})
afterAll(() => t.close())

describe('importing a register', () => {
  it('refuses a file with bad rows as a whole, naming each row and why, in Vietnamese or English; nothing is imported', async () => {
    const file = await xlsx([
      [1, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Tài chính', 'Có', 24, 'Phạm Thị Kế Toán', '01/03/2026', '', ''],
      [2, '', 'Phòng Tổ chức cán bộ', 'Trưởng phòng', 'Tuyệt mật', 'Có', '', 'Người Không Có', '', '', ''],
      [3, 'HB', 'Phòng Vật tư', 'Thủ kho', 'Mua sắm', 'Có', '', '', '', '', ''],
      [4, '', 'Phòng Công nghệ thông tin', 'Quản trị hệ thống', 'Quan trọng', 'Có', '', '', '', '', ''],
      [5, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Tài chính', 'Có', '', '', '', '', ''],
      [6, '', 'Phòng Hành chính', '', 'Khác', '', '', 'Trần Văn Trùng', '', '', ''],
      [7, '', 'Phòng Hành chính', 'Văn thư', 'Độ Mật', 'Có', '', 'Trần Văn Trùng', '', '', ''],
      [8, '', 'Phòng Hành chính', 'Lưu trữ', 'Độ Mật', 'Có', '', 'Lý Thị Đã Nghỉ', '', '', ''],
      [9, '', 'Phòng Hành chính', 'Thủ quỹ', 'Tài chính', 'Có', '', 'Phạm Thị Kế Toán', '31/02/2026', '', ''],
      [10, '', 'Phòng Hành chính', 'Thư ký', 'Khác', 'Có lẽ', '', '', '', '', ''],
    ])
    const before = await counts()
    const res = await upload(officer, f.unitA.id, file)
    expect(res.statusCode, res.body).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION')
    // The header is on sheet row 3: the data starts on row 4.
    expect(error.rows.map((r: { row: number; reason: string; value: string }) => [r.row, r.reason, r.value])).toEqual([
      [5, 'notFound', 'Người Không Có'],
      [6, 'unknownUnit', 'HB'],
      [7, 'badValue', 'Quan trọng'],
      [8, 'duplicate', 'Kế toán trưởng'],
      [9, 'emptyTitle', ''],
      [10, 'ambiguous', 'Trần Văn Trùng'],
      [11, 'inactive', 'Lý Thị Đã Nghỉ'],
      [12, 'badValue', '31/02/2026'],
      [13, 'badValue', 'Có lẽ'],
    ])
    expect(error.fields['rows.8']).toBe('Trùng vị trí với dòng 4')
    expect(error.fields['rows.9']).toBe('Dòng thiếu tên vị trí')
    expect(error.fields['rows.6']).toBe('Không có đơn vị mã "HB" trong phạm vi của bạn')
    expect(await counts()).toEqual(before)
    const en = (await upload(officer, f.unitA.id, file, 'so-vi-tri.xlsx', { 'accept-language': 'en' })).json().error
    expect(en.fields['rows.8']).toBe('Same position as row 4')
    expect(await counts()).toEqual(before)
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'importRegister'`)).length).toBe(0)
  })

  it('refuses a file that is not a register: no position column, or not a spreadsheet', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('x').addRow(['Họ tên', 'Ghi chú'])
    const noTitle = await upload(officer, f.unitA.id, new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(noTitle.statusCode).toBe(400)
    expect(noTitle.json().error.fields).toEqual({ file: 'Không tìm thấy cột "Vị trí" ở dòng tiêu đề' })
    const broken = await upload(officer, f.unitA.id, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'hong.xlsx')
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error.fields).toHaveProperty('file')
    expect((await counts()).positions).toBe(0)
  })

  it('imports a good file all at once: positions created in the unit and its sub-units, holders from the named day, alerts raised', async () => {
    const file = await xlsx([
      [1, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Tài chính, kế toán', 'Có', '2 năm', 'Phạm Thị Kế Toán', '01/03/2026', '', 'Ký duyệt chứng từ'],
      [2, 'HA-K1', 'Kho thuốc', 'Thủ kho thuốc', 'Mua sắm, đấu thầu', 'x', 12, 'Hoàng Văn Thủ Kho', '2026-02-15', 'Có', ''],
      [3, '', 'Phòng Tổ chức cán bộ', 'Chuyên viên hồ sơ cán bộ', 'BMNN - Tối mật', 'Không', '', '', '', '', ''],
    ])
    const res = await upload(officer, f.unitA.id, file, 'so-vi-tri.xlsx', { 'idempotency-key': 'reg-1' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ rows: 3, created: 3, updated: 0, holdersChanged: 2 })
    const list = (await t.call(officer, 'GET', `/api/v1/positions?under=${f.unitA.id}`)).json().items
    const byTitle = Object.fromEntries(list.map((p: { title: string }) => [p.title, p]))
    expect(byTitle['Kế toán trưởng']).toMatchObject({
      unitId: f.unitA.id, department: 'Phòng Tài chính - Kế toán', classification: 'finance', requiresConclusion: true, reviewCycleMonths: 24, note: 'Ký duyệt chứng từ',
      holder: { personId: people.ke.id, since: '2026-03-01', isActing: false }, vetting: 'none',
    })
    expect(byTitle['Thủ kho thuốc']).toMatchObject({ unitId: f.subA.id, classification: 'procurement', reviewCycleMonths: 12, holder: { personId: people.kho.id, since: '2026-02-15', isActing: true }, vetting: 'none' })
    expect(byTitle['Chuyên viên hồ sơ cán bộ']).toMatchObject({ classification: 'stateSecretSecret', requiresConclusion: false, holder: null, vetting: 'not_required' })
    // Two holders without a conclusion: two alerts to the head and the board, raised in the import's own transaction.
    const alerts = (await t.call(board, 'GET', '/api/v1/position-alerts')).json().items
    expect(alerts.map((a: { holder: { personId: number }; status: string }) => [a.holder.personId, a.status]).sort()).toEqual([[people.ke.id, 'none'], [people.kho.id, 'none']].sort())
    const [audit] = await t.db.query<{ after: object; actor_username: string }>(`SELECT after, actor_username FROM audit_log WHERE action = 'importRegister'`)
    expect(audit).toMatchObject({ actor_username: 'unitOfficer.a', after: { rows: 3, created: 3, holdersChanged: 2 } })
    // The same Idempotency-Key answers the first result again without importing twice.
    const replay = await upload(officer, f.unitA.id, file, 'so-vi-tri.xlsx', { 'idempotency-key': 'reg-1' })
    expect(replay.headers['idempotent-replay']).toBe('true')
    expect((await counts()).positions).toBe(3)
  })

  it('imports the same file again without changing anything, and a changed file updates in place and changes a holder', async () => {
    const same = await xlsx([
      [1, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Tài chính, kế toán', 'Có', '2 năm', 'Phạm Thị Kế Toán', '01/03/2026', '', 'Ký duyệt chứng từ'],
    ])
    const before = await counts()
    expect((await upload(officer, f.unitA.id, same)).json()).toEqual({ rows: 1, created: 0, updated: 0, holdersChanged: 0 })
    expect(await counts()).toEqual(before)
    const changed = await xlsx([
      [1, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Độ Mật', 'Có', '36', 'Trần Văn Trùng', '2026-03-10', 'Có', ''],
    ])
    // Two people of that name in the subtree: one in unit A, one in its ward. Named in the ward's row, the ward's is meant.
    expect((await upload(officer, f.unitA.id, changed)).json().error.rows[0]).toMatchObject({ reason: 'ambiguous' })
    const wardRow = await xlsx([[1, 'HA-K1', 'Kho thuốc', 'Thủ kho thuốc', 'Mua sắm', 'Có', 12, 'Trần Văn Trùng', '2026-03-10', '', '']])
    expect((await upload(officer, f.unitA.id, wardRow)).json()).toEqual({ rows: 1, created: 0, updated: 0, holdersChanged: 1 })
    const chief = await xlsx([[1, '', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Độ Mật', 'Có', '36', '', '', '', '']])
    expect((await upload(officer, f.unitA.id, chief)).json()).toEqual({ rows: 1, created: 0, updated: 1, holdersChanged: 0 })
    const list = (await t.call(officer, 'GET', `/api/v1/positions?under=${f.unitA.id}`)).json().items
    const kho = list.find((p: { title: string }) => p.title === 'Thủ kho thuốc')
    expect(kho.holder).toMatchObject({ personId: people.trung2.id, since: '2026-03-10', isActing: false })
    const detail = (await t.call(officer, 'GET', `/api/v1/positions/${kho.id}`)).json()
    expect(detail.holders.map((h: { personId: number; to: string | null }) => [h.personId, h.to])).toEqual([[people.trung2.id, null], [people.kho.id, '2026-03-09']])
    // The holder who left has their alert cleared; the new one has their own.
    expect((await t.call(board, 'GET', '/api/v1/position-alerts?open=0')).json().items.find((a: { holder: { personId: number } }) => a.holder.personId === people.kho.id))
      .toMatchObject({ clearedReason: 'left' })
    expect(list.find((p: { title: string }) => p.title === 'Kế toán trưởng')).toMatchObject({ classification: 'stateSecretConfidential', reviewCycleMonths: 36, note: 'Ký duyệt chứng từ', holder: { personId: people.ke.id } })
    expect((await counts()).positions).toBe(3)
  })

  it('reads a .csv register too', async () => {
    const csv = 'Vị trí,Bộ phận,Lý do trọng yếu,Người giữ vị trí\r\nLái xe chở tài liệu mật,Phòng Hành chính,Độ Mật,\r\n'
    const res = await upload(officer, f.unitA.id, new TextEncoder().encode(csv), 'so.csv')
    expect(res.json(), res.body).toEqual({ rows: 1, created: 1, updated: 0, holdersChanged: 0 })
  })

  it('is scoped: another unit’s register is not found, nothing parsed; staff may not import', async () => {
    const file = await xlsx([[1, '', 'Phòng Vật tư', 'Thủ kho', 'Mua sắm', 'Có', '', '', '', '', '']])
    const before = await counts()
    expect((await upload(officer, f.unitB.id, file)).statusCode).toBe(404)
    expect((await upload(await t.login('staff.a'), f.unitA.id, file)).statusCode).toBe(403)
    expect((await upload(await t.login('auditor'), f.unitA.id, file)).statusCode).toBe(403)
    expect(await counts()).toEqual(before)
    // A unit's import cannot reach a unit outside its subtree by code, even one the board would.
    const viaCode = await upload(officer, f.unitA.id, await xlsx([[1, 'HB', 'Phòng Vật tư', 'Thủ kho', 'Mua sắm', 'Có', '', '', '', '', '']]))
    expect(viaCode.json().error.rows[0]).toMatchObject({ reason: 'unknownUnit' })
  })
})

describe('exporting a register', () => {
  it('answers a workbook with the register’s columns, holders and vetting status, scoped to the caller', async () => {
    const res = await t.call(officer, 'GET', `/api/v1/positions.xlsx?under=${f.unitA.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toContain('.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).getCell(1).value).toBe('Sổ vị trí trọng yếu, cơ mật')
    expect(ws.getRow(2).getCell(1).value).toBe('Số liệu tính đến ngày 20/03/2026')
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      'STT', 'Mã đơn vị', 'Đơn vị', 'Bộ phận', 'Vị trí', 'Lý do trọng yếu', 'Yêu cầu kết luận TCCT', 'Chu kỳ thẩm định (tháng)',
      'Người giữ vị trí', 'Từ ngày', 'Quyền', 'Tình trạng kết luận', 'Hiệu lực đến', 'Ghi chú',
    ])
    const rows = Array.from({ length: ws.rowCount - 3 }, (_, i) => (ws.getRow(i + 4).values as unknown[]).slice(1))
    expect(rows).toHaveLength(4)
    const chief = rows.find((r) => r[4] === 'Kế toán trưởng')!
    expect(chief).toEqual([
      expect.any(Number), 'HA', 'Bệnh viện Alpha', 'Phòng Tài chính - Kế toán', 'Kế toán trưởng', 'Bí mật nhà nước độ Mật', 'Có', 36,
      'Phạm Thị Kế Toán', '01/03/2026', undefined, 'Chưa có kết luận', undefined, 'Ký duyệt chứng từ',
    ].map((v) => (v === undefined ? expect.toBeOneOf([undefined, null, '']) : v)))
    const kho = rows.find((r) => r[4] === 'Thủ kho thuốc')!
    expect([kho[1], kho[8], kho[11]]).toEqual(['HA-K1', 'Trần Văn Trùng', 'Chưa có kết luận'])
    const vacant = rows.find((r) => r[4] === 'Chuyên viên hồ sơ cán bộ')!
    expect([vacant[6], vacant[8], vacant[11]]).toEqual(['Không', expect.toBeOneOf([undefined, null, '']), 'Khuyết'])
    // Unit B's register is not the unit A officer's to export; the board's export holds both.
    expect((await t.call(officer, 'GET', `/api/v1/positions.xlsx?under=${f.unitB.id}`)).statusCode).toBe(404)
  })

  it('goes back in as exported: the import finds every position and holder and changes nothing', async () => {
    const exported = (await t.call(officer, 'GET', `/api/v1/positions.xlsx?unitId=${f.unitA.id}`)).rawPayload
    const before = await counts()
    const res = await upload(officer, f.unitA.id, new Uint8Array(exported), 'xuat.xlsx')
    expect(res.json(), res.body).toEqual({ rows: 3, created: 0, updated: 0, holdersChanged: 0 })
    expect(await counts()).toEqual(before)
  })
})
