// The authorization matrix's shapes (server/authz.test.ts runs it). Each feature keeps its own rows
// beside its code, in `<feature>.authz.ts`: a function of this context returning its RouteCases.
import type { Role } from '../contract/roles.ts'
import type { Fixture, Session, TestApp } from './app.ts'

/** What a case needs: a record inside unit A (the caller's scope) and one inside unit B. */
export interface Records {
  /** When the in-scope record depends on the caller (their own notification, say). */
  forRole?: (role: string) => Promise<string>
  inUrl: string
  outUrl: string
  body?: (side: 'in' | 'out') => unknown
}

export interface RouteCase {
  method: string
  url: string
  roles: readonly Role[] | 'any'
  /** Routes about the caller's own session have no record to scope. */
  records?: () => Promise<Records>
  body?: unknown
  /** How an out-of-scope record is refused: 404, or 400 naming this field (ids given in a body). */
  outField?: string
  /** For lists: a string the out-of-scope record would show up as. */
  listHides?: () => string
  /** Roles the door lets in that the record still refuses, and how (an administrator on a confidential case: 404). */
  expectFor?: Partial<Record<Role, number>>
  /**
   * Reach is not a unit scope: the record's own need-to-know list, or the head of that very board
   * unit. A role held on the root reaches nothing more than one held on unit A.
   */
  needToKnow?: boolean
}

/**
 * The matrix's app and fixture, read when a row runs (they are made in a beforeAll). A feature's
 * rows may register their own beforeAll to make records its lists must hide; it runs after the
 * matrix's own. Accounts: `<role>.a` holds the role on unit A, `<role>` on the root.
 */
export interface MatrixContext {
  readonly t: TestApp
  readonly f: Fixture
  session(username: string): Promise<Session>
}

/** Records built per calling role (a case on `<role>.a`'s own list); the out-of-scope URL follows. */
export const perRole = (build: (role: string) => Promise<{ inUrl: string; outUrl: string; body?: (side: 'in' | 'out') => unknown }>) => async (): Promise<Records> => {
  let outUrl = ''
  let body: Records['body']
  return {
    inUrl: '', get outUrl() { return outUrl }, body: (side) => body?.(side),
    forRole: async (role) => {
      const r = await build(role)
      outUrl = r.outUrl
      body = r.body
      return r.inUrl
    },
  }
}
