export { LATENCY_ROLES } from '../../../contract/latency.ts'
