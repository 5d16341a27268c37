import { describe, expect, it } from 'vitest'
import { actionLabel, entityLabel, fieldLabel, formatValue, spell } from './labels.ts'

describe('audit labels', () => {
  it('names actions, record types and fields in both languages', () => {
    expect(actionLabel('vi', 'update')).toBe('Cập nhật')
    expect(actionLabel('en', 'requestExtension')).toBe('Asked for an extension')
    expect(entityLabel('vi', 'planAction')).toBe('Việc trong kế hoạch')
    expect(entityLabel('en', 'dissemination_session')).toBe('Dissemination session')
    expect(fieldLabel('vi', 'ownerPersonId')).toBe('Người phụ trách')
    expect(fieldLabel('en', 'dueDate')).toBe('Due date')
  })

  it('spells an identifier it has no label for as words, never camelCase', () => {
    expect(spell('someNewThingId')).toBe('some new thing id')
    expect(fieldLabel('vi', 'brandNewField')).toBe('brand new field')
    expect(actionLabel('en', 'do_it')).toBe('do it')
  })

  it('shows a person, unit or account by the resolved name with the id beside it, and the id alone when unnamed', () => {
    const names = { 'person:270': 'Nguyễn Văn An', 'unit:3': 'Bệnh viện Alpha' }
    expect(formatValue('vi', 'ownerPersonId', 270, { entity: 'planAction', names })).toBe('Nguyễn Văn An (#270)')
    expect(formatValue('vi', 'unitId', 3, { entity: 'planAction', names })).toBe('Bệnh viện Alpha (#3)')
    expect(formatValue('vi', 'ownerPersonId', 271, { entity: 'planAction', names })).toBe('#271')
    // A plain number field is not a reference.
    expect(formatValue('vi', 'warnings', 270, { entity: 'unitReport', names })).toBe('270')
  })

  it('uses the status words of the plan page (contract labels)', () => {
    expect(formatValue('vi', 'status', 'notStarted', { entity: 'planAction' })).toBe('Chưa bắt đầu')
    expect(formatValue('en', 'status', 'inProgress', { entity: 'planAction' })).toBe('In progress')
    expect(formatValue('vi', 'status', 'submitted', { entity: 'unitPlan' })).not.toBe('submitted')
  })

  it('shows days as dd/MM/yyyy and leaves other text alone', () => {
    expect(formatValue('vi', 'dueDate', '2026-03-31')).toBe('31/03/2026')
    expect(formatValue('vi', 'note', 'Đã triển khai')).toBe('Đã triển khai')
    expect(formatValue('vi', 'isActive', true)).toBe('Có')
  })
})
