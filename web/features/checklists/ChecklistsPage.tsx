// Placeholder until the page is built (this session).
export default function ChecklistsPage() {
  return null
}
