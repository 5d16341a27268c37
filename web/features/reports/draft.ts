// Pure helpers for the report draft: what counts as a change, the body a save sends, the merge
// after a refused save, and the checks the page can make before the server sees the text.
import type { ReportCheck, ReportSection } from '../../../contract/reports.ts'
import { SECTION_FIELDS, type ClaimedFigures, type DraftContent, type SectionField } from './api.ts'

const cleanClaimed = (c: ClaimedFigures): ClaimedFigures => {
  const out: ClaimedFigures = { directiveId: c.directiveId }
  if (c.sessions != null) out.sessions = c.sessions
  if (c.coveragePercent != null) out.coveragePercent = c.coveragePercent
  if (c.actionsDone != null) out.actionsDone = c.actionsDone
  return out
}

/** Claimed figures worth keeping: those with at least one number, in directive order. */
export function normalClaimed(list: ClaimedFigures[]): ClaimedFigures[] {
  return list
    .map(cleanClaimed)
    .filter((c) => c.sessions != null || c.coveragePercent != null || c.actionsDone != null)
    .sort((a, b) => a.directiveId - b.directiveId)
}

/** The part of a draft people write, in a canonical form: two drafts with the same key say the same. */
export function contentKey(d: DraftContent): string {
  return JSON.stringify({
    s: d.sections.map((s) => [s.requirementId, ...SECTION_FIELDS.map((f) => s[f] ?? '')]),
    p: d.proposals ?? '',
    c: normalClaimed(d.claimedFigures ?? []),
  })
}

export const sameContent = (a: DraftContent, b: DraftContent) => contentKey(a) === contentKey(b)

/**
 * Where a draft stands once `sent` is stored (at `at`): saved, or still dirty when the text on
 * screen changed while the save was under way.
 */
export function stateAfterSave(onScreen: DraftContent, sent: DraftContent, at: string): { kind: 'saved'; at: string } | { kind: 'dirty' } {
  return sameContent(onScreen, sent) ? { kind: 'saved', at } : { kind: 'dirty' }
}

/** The body of PUT …/report/draft. */
export function draftBody(d: DraftContent, version: number) {
  return {
    version,
    sections: d.sections.map((s) => ({ requirementId: s.requirementId, done: s.done, results: s.results, shortcomings: s.shortcomings, causes: s.causes, proposals: s.proposals })),
    proposals: d.proposals,
    claimedFigures: normalClaimed(d.claimedFigures),
  }
}

export const hasNarrative = (s: ReportSection) => SECTION_FIELDS.some((f) => (s[f] ?? '').trim().length > 0)

/**
 * Three-way merge after a refused save: for each text, what only one side changed since `base`
 * wins; where both changed, `mine` stays (the user has seen theirs beside it and copied what they
 * needed). Nothing the other person wrote in a part the user did not touch is lost.
 */
export function mergeDrafts(base: DraftContent, mine: DraftContent, theirs: DraftContent): DraftContent {
  const baseBy = new Map(base.sections.map((s) => [s.requirementId, s]))
  const mineBy = new Map(mine.sections.map((s) => [s.requirementId, s]))
  const pick = (b: string | undefined, m: string | undefined, t: string) => ((m ?? '') === (b ?? '') ? t : (m ?? ''))
  const sections = theirs.sections.map((t) => {
    const b = baseBy.get(t.requirementId)
    const m = mineBy.get(t.requirementId)
    if (!m) return t
    const merged: ReportSection = { ...t }
    for (const f of SECTION_FIELDS) merged[f] = pick(b?.[f], m[f], t[f])
    return merged
  })
  const claimedKey = (list: ClaimedFigures[], id: number) => JSON.stringify(normalClaimed(list.filter((c) => c.directiveId === id)))
  const ids = new Set([...mine.claimedFigures, ...theirs.claimedFigures].map((c) => c.directiveId))
  const claimedFigures = [...ids].flatMap((id) =>
    claimedKey(mine.claimedFigures, id) === claimedKey(base.claimedFigures, id)
      ? theirs.claimedFigures.filter((c) => c.directiveId === id)
      : mine.claimedFigures.filter((c) => c.directiveId === id),
  )
  return { sections, proposals: pick(base.proposals, mine.proposals, theirs.proposals), claimedFigures: normalClaimed(claimedFigures) }
}

export type FieldKey = `${number}.${SectionField}` | 'proposals'

/** Where the other person's text differs from the user's, and whether the user changed it too. */
export function conflictFields(base: DraftContent, mine: DraftContent, theirs: DraftContent): Map<FieldKey, { theirs: string; isBoth: boolean }> {
  const out = new Map<FieldKey, { theirs: string; isBoth: boolean }>()
  const baseBy = new Map(base.sections.map((s) => [s.requirementId, s]))
  const theirsBy = new Map(theirs.sections.map((s) => [s.requirementId, s]))
  for (const m of mine.sections) {
    const t = theirsBy.get(m.requirementId)
    if (!t) continue
    for (const f of SECTION_FIELDS) {
      if ((t[f] ?? '') === (m[f] ?? '')) continue
      out.set(`${m.requirementId}.${f}`, { theirs: t[f] ?? '', isBoth: (m[f] ?? '') !== (baseBy.get(m.requirementId)?.[f] ?? '') })
    }
  }
  if ((theirs.proposals ?? '') !== (mine.proposals ?? '')) out.set('proposals', { theirs: theirs.proposals ?? '', isBoth: mine.proposals !== base.proposals })
  return out
}

/**
 * The checks to show while editing: "no narrative" is worked out from the text on screen at once;
 * the others (which need the figures) come from the server's answer to the last save.
 */
export function liveChecks(sections: ReportSection[], fromServer: ReportCheck[], noNarrative: (label: string) => { message: string; messageEn: string }): ReportCheck[] {
  const local: ReportCheck[] = sections
    .filter((s) => !hasNarrative(s))
    .map((s) => ({ code: 'NO_NARRATIVE', severity: 'error', directiveId: s.directiveId, requirementId: s.requirementId, ...noNarrative(s.label) }))
  return [...local, ...fromServer.filter((c) => c.code !== 'NO_NARRATIVE')]
}
