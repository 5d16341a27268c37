// What the demo loaders of the later features share: the demo's references (accounts, people,
// units), a Db that runs the services inside the demo's one transaction, and the signed-in user
// and actor of a demo account on a day counted back from `now`, in office hours.
import { readConfig, type Config } from '../../config.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { addDays, vnDay, type IsoDay } from '../../lib/dates.ts'
import type { Keyring } from '../../lib/keyring.ts'
import type { Mailer } from '../../mail/mailer.ts'
import type { Db, Queryable } from '../types.ts'
import { userFor } from './builders.ts'
import { addMinutes, officeTime } from './scale/dates.ts'

export interface DemoRefs {
  accountId(username: string): number
  /** The i-th person of a demo unit. */
  personId(unitCode: string, i: number): number
  unitId(code: string): number
}

export interface DemoFeatureInput {
  kind: Db['kind']
  keys: Keyring
  now: Date
  rng: () => number
  directiveId: number
  refs: DemoRefs
}

/** The services open a transaction of their own; the demo's run inside its one transaction instead. */
export const joined = (tx: Queryable, kind: Db['kind']): Db => ({ kind, query: (text, params) => tx.query(text, params), transaction: (fn) => fn(tx), close: async () => {} })

/** Mail is not sent while the demo loads: the notifications are in-app. */
export const quietMailer: Mailer = { send: async () => {} }

/** The configured defaults (cycles, targets, time limits): the demo is loaded before any override matters. */
export const demoConfig = (): Config => readConfig({}, [])

export interface DemoContext {
  db: Db
  today: IsoDay
  config: Config
  /** The day `daysAgo` days before today (negative: after). */
  day(daysAgo: number): IsoDay
  /** A demo account's user and an actor at `daysAgo`, office hours plus `minutes`. */
  as(username: string, daysAgo: number, minutes?: number): Promise<{ user: CurrentUser; actor: Actor }>
  /** An instant `daysAgo` days back at the given hour (Vietnam time), as ISO with its zone. */
  instant(daysAgo: number, hour: number, minute?: number): string
}

export function demoContext(tx: Queryable, o: Pick<DemoFeatureInput, 'kind' | 'now' | 'refs'>): DemoContext {
  const db = joined(tx, o.kind)
  const today = vnDay(o.now)
  const day = (n: number) => addDays(today, -n)
  const users = new Map<string, CurrentUser>()
  return {
    db, today, config: demoConfig(), day,
    async as(username, daysAgo, minutes = 0) {
      if (!users.has(username)) users.set(username, await userFor(tx, o.refs.accountId(username)))
      const user = users.get(username)!
      const at = addMinutes(officeTime(day(daysAgo)), minutes)
      // Today's events happen before now.
      return { user, actor: { id: user.id, username: user.username, ip: null, now: at > o.now ? new Date(o.now.getTime() - 60_000) : at } }
    },
    instant(daysAgo, hour, minute = 0) {
      return `${day(daysAgo)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`
    },
  }
}
