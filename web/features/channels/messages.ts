// Messages of web/features/channels. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'channels.nav': 'Kênh thông tin',
}

const en: Record<keyof typeof vi, string> = {
  'channels.nav': 'Official channels',
}

export const channelsMessages = { vi, en }
