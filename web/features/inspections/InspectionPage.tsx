import { Alert, Skeleton } from 'antd'
import { useParams } from 'react-router'
import { isApiError } from '../../api/client.ts'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { useInspection, useInspectionMutations } from './api.ts'
import { ConclusionCard } from './ConclusionCard.tsx'
import { FindingsCard } from './FindingsCard.tsx'
import { InspectionHeader } from './InspectionHeader.tsx'
import { RequestsCard } from './RequestsCard.tsx'
import { SelfReportsCard, SessionsCard } from './WorkCards.tsx'
import './inspections.css'

/**
 * One inspection: decision, team, time limit and phases; the team's work with the units (document
 * requests, self-inspection reports, working sessions); findings; the conclusion notice. A unit sees
 * its own part, as the server gives it.
 */
export default function InspectionPage() {
  const t = useT()
  const id = Number(useParams().id)
  const { data: i, error, isPending } = useInspection(id)
  const mutations = useInspectionMutations(id)
  usePageTitle(i?.number ?? t('inspections.title'))

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />
  if (!i) {
    if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
    return isApiError(error, 'NOT_FOUND') ? <NotFoundPage /> : <Alert type="error" showIcon title={error?.message} />
  }
  return (
    <div className="bvct-stack">
      <InspectionHeader i={i} mutations={mutations} />
      <div className="bvct-insp-grid">
        <div className="bvct-stack">
          <RequestsCard i={i} mutations={mutations} />
          <SelfReportsCard i={i} mutations={mutations} />
        </div>
        <div className="bvct-stack">
          <FindingsCard i={i} mutations={mutations} />
          <SessionsCard i={i} mutations={mutations} />
        </div>
      </div>
      <ConclusionCard i={i} mutations={mutations} />
    </div>
  )
}
