import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { seedDirective, seedPerson, seedUnit, type SeededDirective, type SeededUnit } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { SHARED_STRINGS_HEAD, SHARED_STRINGS_TAIL, SHEET_TAIL, packRepeated, sheetHead, whileHandling, xlsxWith } from '../../../test/bombs.ts'
import { FileWorkerError, fileWorkers } from '../../lib/file-worker.ts'
import { matchRoster } from './roster.match.ts'
import { csvTable, decodeText, parseRoster, rowsFromTable } from './roster.parse.ts'

const MB = 1024 * 1024
const ROSTER = [['Họ và tên', 'Chức vụ'], ['Nguyễn Văn An', 'Bác sĩ']]
const TOO_LARGE_UNPACKED = /quá lớn khi giải nén/

describe('roster parsing', () => {
  it('should read Vietnamese Excel CSV: BOM, semicolons, quotes, CRLF and a line break inside a cell', () => {
    const text = '\ufeffSTT;Họ và tên;Chức vụ\r\n1;"Nguyễn Văn ""Tý""";"Bác sĩ;\nTrưởng khoa"\r\n\r\n2;Lê Thị Hoa;Điều dưỡng\r\n'
    expect(csvTable(text)).toEqual([
      { row: 1, cells: ['STT', 'Họ và tên', 'Chức vụ'] },
      { row: 2, cells: ['1', 'Nguyễn Văn "Tý"', 'Bác sĩ;\nTrưởng khoa'] },
      { row: 4, cells: ['2', 'Lê Thị Hoa', 'Điều dưỡng'] },
    ])
    expect(csvTable('full name,email\nAn,an@x.vn')[1].cells).toEqual(['An', 'an@x.vn'])
  })

  it('should decode UTF-16 "Unicode text" and code page 1258 "CSV" as Excel saves them', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Họ tên\tHà', 'utf16le')]))).toBe('Họ tên\tHà')
    // "Hà" in windows-1258: H, a, combining grave (0xCC).
    expect(decodeText(Buffer.from([0x48, 0x61, 0xcc]))).toBe('Hà')
  })

  it('should find the header under a title, in English too, or as separate family and given name columns', () => {
    const rows = rowsFromTable([
      { row: 1, cells: ['DANH SÁCH CÁN BỘ THAM DỰ HỘI NGHỊ'] },
      { row: 3, cells: ['STT', 'Họ và tên', 'Chức vụ', 'Email', 'Ký tên'] },
      { row: 4, cells: ['1', '  Trần   Văn Nam ', 'Bác sĩ', 'nam@bv.vn', ''] },
      { row: 5, cells: ['2', '', '', '', ''] },
      { row: 6, cells: ['3', '', 'Điều dưỡng', '', ''] },
    ])
    expect(rows).toEqual([
      { row: 4, name: 'Trần Văn Nam', position: 'Bác sĩ', email: 'nam@bv.vn' },
      { row: 6, name: '', position: 'Điều dưỡng', email: '' },
    ])
    expect(rowsFromTable([{ row: 1, cells: ['Full name', 'Position'] }, { row: 2, cells: ['Le Hoa', 'Nurse'] }])[0].name).toBe('Le Hoa')
    expect(rowsFromTable([{ row: 1, cells: ['Họ và đệm', 'Tên'] }, { row: 2, cells: ['Trần Văn', 'Nam'] }])[0].name).toBe('Trần Văn Nam')
    expect(() => rowsFromTable([{ row: 1, cells: ['Đơn vị', 'Ghi chú'] }, { row: 2, cells: ['A', 'B'] }])).toThrow()
  })

  it('should refuse an old .xls and an unknown file type', async () => {
    await expect(parseRoster(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'ds.xls')).rejects.toMatchObject({ fields: { file: 'fileType' } })
    await expect(parseRoster(Buffer.from('%PDF-1.7'), 'ds.pdf')).rejects.toMatchObject({ fields: { file: 'fileType' } })
  })
})

describe('roster matching', () => {
  const people = [
    { id: 1, fullName: 'Nguyễn Văn Hùng', position: 'Bác sĩ', email: 'hung.bs@bv.vn', isActive: true },
    { id: 2, fullName: 'Nguyễn Văn Hùng', position: 'Kế toán', email: null, isActive: true },
    { id: 3, fullName: 'Trần Thị Thủy', position: 'Điều dưỡng', email: null, isActive: true },
    { id: 4, fullName: 'Trần Thị Thủy', position: 'Điều dưỡng', email: null, isActive: false },
    { id: 5, fullName: 'Lê Văn Tám', position: '', email: null, isActive: false },
  ]
  const row = (n: number, name: string, position = '', email = '') => ({ row: n, name, position, email })

  it('should match without diacritics, case or extra spaces, and prefer the active namesake', () => {
    expect(matchRoster([row(2, 'tran  thi THUY'), row(3, 'NGUYEN VAN HUNG', 'ke toan')], people)).toEqual({ personIds: [3, 2], errors: [] })
  })

  it('should tell namesakes apart by email, then by position', () => {
    expect(matchRoster([row(2, 'Nguyễn Văn Hùng', '', 'HUNG.BS@bv.vn')], people).personIds).toEqual([1])
    // An email the system does not know narrows to nobody, so it is ignored rather than fatal.
    expect(matchRoster([row(2, 'Nguyễn Văn Hùng', 'Bác sĩ', 'other@x.vn')], people).personIds).toEqual([1])
  })

  it('should report each bad row with its reason', () => {
    const { personIds, errors } = matchRoster([row(2, 'Trần Thị Thủy'), row(3, 'Nguyễn Văn Hùng'), row(4, 'Lê Văn Tám'), row(5, 'Phan Văn Vắng'), row(6, ''), row(7, 'tran thi thuy')], people)
    expect(personIds).toEqual([3])
    expect(errors).toEqual([
      { row: 3, value: 'Nguyễn Văn Hùng', reason: 'ambiguous' },
      { row: 4, value: 'Lê Văn Tám', reason: 'inactive' },
      { row: 5, value: 'Phan Văn Vắng', reason: 'notFound' },
      { row: 6, value: '', reason: 'emptyName' },
      { row: 7, value: 'tran thi thuy', reason: 'duplicate', firstRow: 2 },
    ])
  })
})

describe('roster import over HTTP', () => {
  let t: TestApp
  let f: Fixture
  let d: SeededDirective
  let officer: Session
  let ward: SeededUnit
  let sessionId: number
  const staff: Record<string, number> = {}

  beforeAll(async () => {
    t = await createTestApp()
    f = await seedFixture(t.db)
    ward = await seedUnit(t.db, { parent: f.unitA, code: 'HA-K2', name: 'Khoa Ngoại', kind: 'subunit' })
    d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id] })
    for (const [key, unitId, fullName, position] of [
      ['hoa', f.unitA.id, 'Lê Thị Hòa', 'Bác sĩ'], ['hung1', f.unitA.id, 'Nguyễn Văn Hùng', 'Bác sĩ'], ['hung2', ward.id, 'Nguyễn Văn Hùng', 'Kế toán'],
      ['duc', f.subA.id, 'Đỗ Minh Đức', 'Điều dưỡng'], ['tam', f.unitA.id, 'Lê Văn Tám', 'Bảo vệ'],
    ] as const) staff[key] = (await seedPerson(t.db, { unitId, fullName, position })).id
    await t.db.query('UPDATE person SET is_active = false WHERE id = $1', [staff.tam])
    officer = await t.login('unitOfficer.a')
    const res = await t.call(officer, 'POST', `/api/v1/directives/${d.id}/sessions`, {
      unitId: f.unitA.id, heldOn: '2026-03-19', form: 'conference', title: 'Hội nghị toàn thể', requirementIds: [d.requirementIds[1]], attendeeIds: [f.personA.id],
    })
    sessionId = res.json().id
  })
  afterAll(() => t.close())

  const upload = async (s: Session, id: number, bytes: Uint8Array, filename: string, headers: Record<string, string> = {}) => {
    const fd = new FormData()
    fd.append('file', new Blob([new Uint8Array(bytes)]), filename)
    const r = new Response(fd)
    return t.app.inject({
      method: 'POST', url: `/api/v1/sessions/${id}/attendees/import`, payload: Buffer.from(await r.arrayBuffer()),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')!, ...headers },
    })
  }
  const xlsx = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    for (const r of rows) ws.addRow(r)
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }
  const state = async () => {
    const s = (await t.call(officer, 'GET', `/api/v1/sessions/${sessionId}`)).json()
    return { version: s.version, ids: s.attendees.map((a: any) => a.id).sort() }
  }

  it('should refuse a roster with bad rows, name each one, and import nothing', async () => {
    const before = await state()
    const audits = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).map((r) => r.n)[0]
    const csv = '\ufeffSTT;Họ và tên;Chức vụ\r\n1;Lê Thị Hòa;\r\n2;Nguyễn Văn Hùng;\r\n3;;Điều dưỡng\r\n4;Người Không Có;\r\n5;LE THI HOA;\r\n6;Lê Văn Tám;\r\n'
    const res = await upload(officer, sessionId, Buffer.from(csv), 'roster.csv')
    expect(res.statusCode, res.body).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.rows.map((r: any) => [r.row, r.reason, r.value])).toEqual([
      [3, 'ambiguous', 'Nguyễn Văn Hùng'], [4, 'emptyName', ''], [5, 'notFound', 'Người Không Có'], [6, 'duplicate', 'LE THI HOA'], [7, 'inactive', 'Lê Văn Tám'],
    ])
    expect(error.fields).toEqual({
      'rows.3': 'Nhiều người trùng họ tên "Nguyễn Văn Hùng"; thêm cột Chức vụ hoặc Email để phân biệt',
      'rows.4': 'Dòng thiếu họ và tên',
      'rows.5': 'Không tìm thấy người có họ tên này trong đơn vị: "Người Không Có"',
      'rows.6': 'Trùng người với dòng 2',
      'rows.7': 'Người này không còn công tác tại đơn vị: "Lê Văn Tám"',
    })
    expect(await state()).toEqual(before)
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n).toBe(audits)
  })

  it('should import an .xlsx roster with a title row, matching loosely and skipping people already present', async () => {
    const bytes = await xlsx([
      ['DANH SÁCH CÁN BỘ THAM DỰ HỘI NGHỊ QUÁN TRIỆT'],
      [],
      ['STT', 'Họ và tên', 'Chức vụ', 'Email'],
      [1, 'le thi hoa', '', ''],
      [2, 'Nguyễn  Văn Hùng', 'Kế toán', ''],
      [3, 'ĐỖ MINH ĐỨC', 'Điều dưỡng', { text: 'duc@bv.vn', hyperlink: 'mailto:duc@bv.vn' }],
      [4, 'Nguyễn Văn An', '', ''],
      [5, '', '', ''],
    ])
    const res = await upload(officer, sessionId, bytes, 'Danh sách.xlsx', { 'idempotency-key': 'import-1' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ sessionId, rows: 4, added: 3, alreadyPresent: 1, attendeeCount: 4, version: 2 })
    expect((await state()).ids).toEqual([f.personA.id, staff.hoa, staff.hung2, staff.duc].sort())
    const [audit] = await t.db.query<any>(`SELECT before, after FROM audit_log WHERE action = 'importAttendees' AND entity_id = $1`, [String(sessionId)])
    expect(audit.before.attendeeIds).toEqual([f.personA.id])
    expect(audit.after).toMatchObject({ rows: 4, added: 3 })

    // The same upload retried with the same key: the first answer, nothing done twice.
    const again = await upload(officer, sessionId, bytes, 'Danh sách.xlsx', { 'idempotency-key': 'import-1' })
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json()).toEqual(res.json())
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'importAttendees'`))[0].n).toBe(1)
    // Without a key a repeat is still harmless: everyone is already there.
    const repeat = await upload(officer, sessionId, bytes, 'Danh sách.xlsx')
    expect(repeat.json()).toMatchObject({ added: 0, alreadyPresent: 4, attendeeCount: 4, version: 2 })
  })

  it('should name the file when there is none, it is not a roster, or it has no name column', async () => {
    const none = await t.call(officer, 'POST', `/api/v1/sessions/${sessionId}/attendees/import`, {}, { 'accept-language': 'en' })
    expect(none.json().error.fields).toEqual({ file: 'Attach a roster file (.xlsx or .csv)' })
    const xls = await upload(officer, sessionId, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'ds.xls')
    expect(xls.json().error.fields).toEqual({ file: 'Chỉ nhận tệp .xlsx hoặc .csv (tệp .xls cần lưu lại thành .xlsx)' })
    const noName = await upload(officer, sessionId, Buffer.from('Đơn vị,Số lượng\nKhoa Nội,12\n'), 'tong-hop.csv')
    expect(noName.json().error.fields).toEqual({ file: 'Không tìm thấy cột "Họ và tên" ở dòng tiêu đề' })
    const broken = await upload(officer, sessionId, Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'hong.xlsx')
    expect(broken.json().error.fields).toEqual({ file: 'Không đọc được tệp' })
    const huge = await upload(officer, sessionId, Buffer.alloc(11 * 1024 * 1024, 'a'), 'lon.csv')
    expect(huge.statusCode).toBe(400)
    expect(huge.json().error.fields).toEqual({ file: 'Tệp quá lớn (tối đa 10 MB)' })
  })

  it('should answer 404 for a session out of scope without reading the upload', async () => {
    const board = await t.login('board')
    const b = await t.call(board, 'POST', `/api/v1/directives/${d.id}/sessions`, {
      unitId: f.unitB.id, heldOn: '2026-03-19', form: 'online', title: 'Trực tuyến Beta', requirementIds: [d.requirementIds[0]],
    })
    const res = await upload(officer, b.json().id, Buffer.from('Họ và tên\nTrần Thị Bình\n'), 'b.csv')
    expect(res.statusCode).toBe(404)
    expect((await t.call(board, 'GET', `/api/v1/sessions/${b.json().id}`)).json().attendeeCount).toBe(0)
  })

  // A roster is an upload like any other: an .xlsx of whitespace once took 8 s and 0.9 GB in exceljs.
  describe('with hostile files', () => {
    const send = (bytes: Buffer, filename: string) => whileHandling(() => upload(officer, sessionId, bytes, filename), () => t.app.inject({ method: 'GET', url: '/api/v1/health' }))
    const whitespace = (mb: number) => packRepeated({ head: sheetHead(ROSTER), byte: 0x20, total: mb * MB, tail: SHEET_TAIL, raw: true })

    it('should refuse an .xlsx holding 256 MB of whitespace before exceljs loads it, without growing or stalling the server', async () => {
      const xlsx = xlsxWith(ROSTER, { sheet: whitespace(256) })
      expect(xlsx.length).toBeLessThan(MB)
      const { answer, healthMaxMs, rssGrowthMb } = await send(xlsx, 'danh-sach.xlsx')
      expect(answer.statusCode, answer.body).toBe(400)
      expect(answer.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(TOO_LARGE_UNPACKED), fields: { file: 'Không đọc được tệp' } })
      expect(healthMaxMs).toBeLessThan(500)
      expect(rssGrowthMb).toBeLessThan(250)
    })

    it('should stop unpacking a sheet whose central directory hides the whitespace', async () => {
      const sheet = whitespace(256)
      const lying = xlsxWith(ROSTER, { sheet: { ...sheet, size: Buffer.byteLength(sheetHead(ROSTER) + SHEET_TAIL) } })
      const { answer, rssGrowthMb } = await send(lying, 'danh-sach.xlsx')
      expect(answer.statusCode, answer.body).toBe(400)
      expect(answer.json().error.message).toMatch(TOO_LARGE_UNPACKED)
      expect(rssGrowthMb).toBeLessThan(250)
    })

    it('should refuse an .xlsx whose one shared string is 48 MB of one letter, within the total but not the ratio', async () => {
      const sharedStrings = packRepeated({ head: SHARED_STRINGS_HEAD, byte: 0x61, total: 48 * MB, tail: SHARED_STRINGS_TAIL, raw: true })
      const xlsx = xlsxWith(ROSTER, { sharedStrings, sheet: packRepeated({ head: sheetHead(ROSTER) + '<row r="3"><c r="A3" t="s"><v>0</v></c></row>', byte: 0x20, total: 0, tail: SHEET_TAIL, raw: true }) })
      const { answer, healthMaxMs, rssGrowthMb } = await send(xlsx, 'danh-sach.xlsx')
      expect(answer.statusCode, answer.body).toBe(400)
      expect(answer.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(TOO_LARGE_UNPACKED), fields: { file: 'Không đọc được tệp' } })
      expect(healthMaxMs).toBeLessThan(500)
      expect(rssGrowthMb).toBeLessThan(250)
    })

    it('should refuse a roster of more cells than any roster has, .csv or .xlsx', async () => {
      const csv = await upload(officer, sessionId, Buffer.from(`Họ và tên\n${'An;'.repeat(600_000)}\n`), 'danh-sach.csv')
      expect(csv.statusCode, csv.body).toBe(400)
      expect(csv.json().error.message).toMatch(/quá nhiều dòng hoặc ô/)
      const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 3}"/>`).join('')
      const xlsx = await upload(officer, sessionId, xlsxWith(ROSTER, { sheet: packRepeated({ head: sheetHead(ROSTER) + rows, byte: 0x20, total: 0, tail: SHEET_TAIL, raw: true }) }), 'danh-sach.xlsx')
      expect(xlsx.statusCode, xlsx.body).toBe(400)
      expect(xlsx.json().error.message).toMatch(/quá nhiều dòng hoặc ô/)
    })

    it('should read the roster on the file worker, and answer one stopped there as an unreadable file', async () => {
      const spy = vi.spyOn(fileWorkers, 'run')
      try {
        const ok = await upload(officer, sessionId, xlsxWith(ROSTER), 'danh-sach.xlsx')
        expect(ok.statusCode, ok.body).toBe(200)
        expect(spy).toHaveBeenCalledWith(expect.objectContaining({ pathname: expect.stringMatching(/roster\.parse\.ts$/) }), 'parseRoster', expect.any(Array))
        spy.mockRejectedValueOnce(new FileWorkerError('timeout'))
        const slow = await upload(officer, sessionId, xlsxWith(ROSTER), 'danh-sach.xlsx')
        expect(slow.statusCode).toBe(400)
        expect(slow.json().error).toMatchObject({ message: expect.stringContaining('đọc quá 20 giây'), fields: { file: 'Không đọc được tệp' } })
      } finally {
        spy.mockRestore()
      }
    })
  })
})
