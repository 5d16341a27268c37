import { useQuery } from '@tanstack/react-query'
import type { HomeDto } from '../../../contract/home.ts'
import { api } from '../../api/client.ts'

/** What waits for me, section by section (none for staff and administrators). */
export function useMyWork() {
  return useQuery({ queryKey: ['me', 'work'], queryFn: () => api<HomeDto>('/me/work'), refetchOnWindowFocus: true })
}
