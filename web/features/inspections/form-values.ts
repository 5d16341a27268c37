// What the inspection forms turn their fields into before the contract's schema checks them.

export type TeamMember = { accountId: number; role: 'lead' | 'member' }

/** The lead first, then the members in the order picked; the lead picked again as a member counts once. */
export function toTeam(lead: number | undefined, members: number[] | undefined): TeamMember[] {
  const seen = new Set<number>()
  const team: TeamMember[] = []
  if (lead) {
    team.push({ accountId: lead, role: 'lead' })
    seen.add(lead)
  }
  for (const accountId of members ?? []) {
    if (seen.has(accountId)) continue
    seen.add(accountId)
    team.push({ accountId, role: 'member' })
  }
  return team
}

/** A text box with one entry a line (documents asked for, participants, "Nơi nhận"): trimmed, blank lines dropped. */
export const toLines = (text: string | undefined): string[] => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
