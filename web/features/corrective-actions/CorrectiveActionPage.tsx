// Placeholder until the page is built (this session).
export default function CorrectiveActionPage() {
  return null
}
