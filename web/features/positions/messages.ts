// Messages of web/features/positions. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'positions.nav': 'Vị trí trọng yếu',
}

const en: Record<keyof typeof vi, string> = {
  'positions.nav': 'Key positions',
}

export const positionsMessages = { vi, en }
