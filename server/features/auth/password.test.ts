import { describe, expect, it } from 'vitest'
import { hashPassword, passwordHashing, verifyPassword } from './password.ts'

describe('password hashing', () => {
  it('runs at most two hashes at once; the others wait and still answer', async () => {
    const hashed = await hashPassword('Mật-khẩu-1')
    const checks = [0, 1, 2, 3].map((i) => verifyPassword(hashed, i % 2 ? 'Mật-khẩu-1' : 'sai'))
    expect(passwordHashing.state).toEqual({ active: 2, waiting: 2 })
    expect(await Promise.all(checks)).toEqual([false, true, false, true])
    expect(passwordHashing.state).toEqual({ active: 0, waiting: 0 })
  })
})
