// Who reads the committee's overview: leaders over their scope (contract/overview.ts).
export { OVERVIEW_ROLES } from '../../../contract/overview.ts'
