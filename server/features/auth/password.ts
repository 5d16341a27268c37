import { hash, verify } from '@node-rs/argon2'
import { semaphore } from '../../lib/semaphore.ts'

// OWASP's argon2id baseline (19 MiB, 2 passes); @node-rs/argon2 ships prebuilt binaries, no install script.
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum, not importable under isolatedModules) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

// Each hash takes 19 MiB outside V8 for its 40–60 ms of CPU, on the native thread pool (four
// threads). Eight sign-ins at once put four of those on two cores, and the allocator kept the
// memory afterwards (the server's resident size rose ~40 MB during the bench's login row). Two
// at a time keep both cores busy; the others wait their turn.
export const passwordHashing = semaphore(2)

export const hashPassword = (password: string) => passwordHashing.run(() => hash(password, OPTIONS))

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await passwordHashing.run(() => verify(hashed, password))
  } catch {
    return false
  }
}

// Verifying against this keeps a wrong username as slow as a wrong password.
let dummyHash: Promise<string> | undefined
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-1'))
