import { describe, expect, it } from 'vitest'
import type { DirectiveDto } from '../../../contract/directives.ts'
import { directiveInput } from '../../../contract/directives.ts'
import { inputFromValues, valuesFromDirective } from './directive-form.ts'

const SIGNATURE = { authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Thắng' }

const saved = {
  id: 1, number: '21-CV/ĐUK', subject: 'Rà soát đảng viên', date: null, status: 'draft', documentType: null, parentBody: null, issuer: null, place: null,
  addressees: ['Các đảng ủy trực thuộc', 'Ban Tổ chức Đảng ủy Khối'], coAddressees: ['Ban Tổ chức Đảng ủy Khối'], preamble: null, closing: null,
  distribution: [], signature: SIGNATURE, references: [], sourceText: null, ownerUnitId: 1, issuedAt: null, supersededById: null,
  requirements: [{ id: 1, label: '1.', text: 'Rà soát', deadline: null, children: [] }], addresseeCount: 0, version: 1,
} satisfies DirectiveDto

describe('the directive form and its co-addressees and signer', () => {
  it('should send back a saved directive as it is, and the contract should take it', () => {
    const body = inputFromValues(valuesFromDirective(saved), null)
    expect(body).toMatchObject({ addressees: saved.addressees, coAddressees: ['Ban Tổ chức Đảng ủy Khối'], signature: SIGNATURE })
    expect(directiveInput.safeParse(body).success).toBe(true)
  })

  it('should drop a co-addressee whose addressee line was removed', () => {
    const values = { ...valuesFromDirective(saved), addressees: ['Các đảng ủy trực thuộc', ''] }
    expect(inputFromValues(values, null).coAddressees).toEqual([])
  })

  it('should send no signer when every input is blank, and a corrected one trimmed', () => {
    const blank = { ...valuesFromDirective(saved), signature: { authority: ' ', title: '', name: '' } }
    expect(inputFromValues(blank, null).signature).toBeNull()
    const corrected = { ...valuesFromDirective(saved), signature: { authority: '', title: ' BÍ THƯ ', name: 'Trần Thị Bình' } }
    expect(inputFromValues(corrected, null).signature).toEqual({ authority: null, title: 'BÍ THƯ', name: 'Trần Thị Bình' })
  })
})
