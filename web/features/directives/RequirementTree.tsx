import type { RequirementDto } from '../../../contract/directives.ts'

/** The requirements as the letter numbers them, nested. */
export function RequirementTree({ requirements }: { requirements: RequirementDto[] }) {
  if (!requirements.length) return null
  return (
    <ol className="bvct-req-view">
      {requirements.map((r) => (
        <li key={r.id}>
          <span className="bvct-req-view-label">{r.label}</span> <span>{r.text}</span>
          <RequirementTree requirements={r.children} />
        </li>
      ))}
    </ol>
  )
}
