// The authorization matrix's rows for the channels register (server/authz.test.ts runs them): reach
// is a role held over the channel's unit; unit B's channels are out of scope for `<role>.a`.
import { beforeAll } from 'vitest'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import { CHANNEL_EDIT_ROLES, CHANNEL_READ_ROLES } from '../../../contract/channels.ts'
import { seedChannel } from '../../db/seed/builders.ts'

export function channelRoutes(m: MatrixContext): RouteCase[] {
  const hiddenAddress = 'https://kenh-an-ma-tran.benhvienbeta.vn'
  beforeAll(async () => {
    await seedChannel(m.t.db, { unitId: m.f.unitB.id, responsiblePersonId: m.f.personB.id, address: hiddenAddress })
  })
  let seq = 0
  const pair = async () => ({
    a: (await seedChannel(m.t.db, { unitId: m.f.unitA.id, responsiblePersonId: m.f.personA.id })).id,
    b: (await seedChannel(m.t.db, { unitId: m.f.unitB.id, responsiblePersonId: m.f.personB.id })).id,
  })
  const onPair = (method: string, suffix: string, body: () => unknown): RouteCase => ({
    method, url: `/api/v1/channels/:id${suffix}`, roles: method === 'GET' ? CHANNEL_READ_ROLES : CHANNEL_EDIT_ROLES,
    records: async () => {
      const { a, b } = await pair()
      return { inUrl: `/api/v1/channels/${a}${suffix}`, outUrl: `/api/v1/channels/${b}${suffix}`, body }
    },
  })
  const listed = (url: string): RouteCase => ({
    method: 'GET', url, roles: CHANNEL_READ_ROLES, listHides: () => hiddenAddress,
    records: async () => ({ inUrl: `${url}?under=${m.f.unitA.id}`, outUrl: `${url}?under=${m.f.unitB.id}` }),
  })
  return [
    listed('/api/v1/channels'),
    listed('/api/v1/channels/register'),
    {
      method: 'POST', url: '/api/v1/channels', roles: CHANNEL_EDIT_ROLES, outField: 'unitId',
      records: async () => ({
        inUrl: '/api/v1/channels', outUrl: '/api/v1/channels',
        body: (side) => ({
          unitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id, kind: 'website', name: 'Cổng thông tin', address: `https://ma-tran-${seq++}.benhvien.vn`,
          responsiblePersonId: side === 'in' ? m.f.personA.id : m.f.personB.id,
        }),
      }),
    },
    onPair('GET', '', () => undefined),
    onPair('PATCH', '', () => ({ version: 1, name: 'Tên mới của kênh' })),
    onPair('POST', '/retire', () => ({ version: 1, reason: 'Đơn vị ngừng sử dụng kênh' })),
    onPair('POST', '/reviews', () => ({ reviewedOn: '2026-03-20', checks: { adminsStillNeeded: true, twoFactorOn: true, recoveryContactsCurrent: true, postingRulesFollowed: true, noLookAlikes: true } })),
  ]
}
