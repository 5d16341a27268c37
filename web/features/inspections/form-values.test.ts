import { describe, expect, it } from 'vitest'
import { toLines, toTeam } from './form-values.ts'

describe('toTeam', () => {
  it('puts the lead first and the members after, in the order picked', () => {
    expect(toTeam(7, [3, 5])).toEqual([{ accountId: 7, role: 'lead' }, { accountId: 3, role: 'member' }, { accountId: 5, role: 'member' }])
  })
  it('counts the lead once when also picked as a member, and a member picked twice once', () => {
    expect(toTeam(7, [7, 3, 3])).toEqual([{ accountId: 7, role: 'lead' }, { accountId: 3, role: 'member' }])
  })
  it('leaves out the lead when none is picked (the server then names the missing lead)', () => {
    expect(toTeam(undefined, [3])).toEqual([{ accountId: 3, role: 'member' }])
    expect(toTeam(undefined, undefined)).toEqual([])
  })
})

describe('toLines', () => {
  it('keeps one trimmed entry a line and drops blank lines, Windows line ends included', () => {
    expect(toLines('  Quy chế làm việc \r\n\r\nSổ văn bản mật\n  ')).toEqual(['Quy chế làm việc', 'Sổ văn bản mật'])
  })
  it('gives nothing for an empty box', () => {
    expect(toLines(undefined)).toEqual([])
    expect(toLines('   \n ')).toEqual([])
  })
})
