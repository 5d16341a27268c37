import { Secret, TOTP } from 'otpauth'

const ISSUER = 'BVCT'

export const newTotpSecret = () => new Secret({ size: 20 }).base32

function totpFor(secretBase32: string, username: string) {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) })
}

export const totpUri = (secretBase32: string, username: string) => totpFor(secretBase32, username).toString()

const PERIOD_MS = 30_000

/**
 * The 30-second step the code belongs to, accepting the current step and one either side (clocks
 * drift), or null. The caller refuses a step at or before the last one it accepted: a code works once.
 */
export function totpStep(secretBase32: string, username: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32, username).validate({ token: code, timestamp: now.getTime(), window: 1 })
  return delta === null ? null : Math.floor(now.getTime() / PERIOD_MS) + delta
}

/** For tests and the demo: the code an authenticator app would show at `now`. */
export const totpCode = (secretBase32: string, now: Date) =>
  totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() })
