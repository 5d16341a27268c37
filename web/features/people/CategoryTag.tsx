import { PERSON_CATEGORIES, PERSON_CATEGORY_LABELS, type PersonCategory } from '../../../contract/people.ts'
import { useLabel } from '../../i18n/useT.ts'

export function useCategoryOptions() {
  const label = useLabel()
  return PERSON_CATEGORIES.map((c) => ({ value: c, label: label(PERSON_CATEGORY_LABELS[c]) }))
}

export function CategoryLabel({ category }: { category: PersonCategory }) {
  const label = useLabel()
  return <>{label(PERSON_CATEGORY_LABELS[category], category)}</>
}
