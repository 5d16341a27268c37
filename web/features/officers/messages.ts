// Messages of web/features/officers. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'officers.nav': 'Cán bộ làm công tác',
}

const en: Record<keyof typeof vi, string> = {
  'officers.nav': 'Officers',
}

export const officersMessages = { vi, en }
