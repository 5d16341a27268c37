import { Secret, TOTP } from 'otpauth'

const ISSUER = 'BVCT'

export const newTotpSecret = () => new Secret({ size: 20 }).base32

function totpFor(secretBase32: string, username: string) {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) })
}

export const totpUri = (secretBase32: string, username: string) => totpFor(secretBase32, username).toString()

/** Accepts the current code and one step either side, for clocks that drift. */
export function isTotpValid(secretBase32: string, username: string, code: string, now: Date): boolean {
  return totpFor(secretBase32, username).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null
}

/** For tests and the demo: the code an authenticator app would show at `now`. */
export const totpCode = (secretBase32: string, now: Date) =>
  totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() })
