export { PEOPLE_READ_ROLES, PEOPLE_WRITE_ROLES } from '../../../contract/people.ts'
