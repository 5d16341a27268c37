import { PERSON_CATEGORIES, PERSON_CATEGORY_LABELS, type PersonCategory } from '../../../contract/people.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { useLabel } from '../../i18n/useT.ts'

export const useCategoryOptions = () => useLabelOptions(PERSON_CATEGORIES, PERSON_CATEGORY_LABELS)

export function CategoryLabel({ category }: { category: PersonCategory }) {
  const label = useLabel()
  return <>{label(PERSON_CATEGORY_LABELS[category], category)}</>
}
