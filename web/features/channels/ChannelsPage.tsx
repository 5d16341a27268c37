// Placeholder until the page is built (this session).
export default function ChannelsPage() {
  return null
}
