import type { Role } from '../../contract/roles.ts'

export interface Grant {
  role: Role
  unitId: number
  /** ltree path of the scope unit: the grant covers this unit and everything below it. */
  path: string
}

/** The signed-in account, its person and its grants, as the auth feature loads it for each request. */
export interface CurrentUser {
  id: number
  username: string
  personId: number | null
  personName: string | null
  personUnitId: number | null
  personPosition: string
  grants: Grant[]
  isTotpEnabled: boolean
  mustChangePassword: boolean
  sessionId: string
  /** The session's readable number; absent for a user built outside a request (demo data, benchmarks). */
  sessionNo?: number
  csrfToken: string
  isMfaPending: boolean
}

/** Who is acting, from where, and when: passed into every state change and its audit entry. */
export interface Actor {
  id: number | null
  username: string | null
  ip: string | null
  now: Date
  /** The session the action was taken in ("phiên số …" in the audit log); none for jobs and the system. */
  sessionNo?: number | null
}
