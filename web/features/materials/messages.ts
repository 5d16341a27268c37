// Messages of web/features/materials. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'materials.nav': 'Tài liệu',
}

const en: Record<keyof typeof vi, string> = {
  'materials.nav': 'Materials',
}

export const materialsMessages = { vi, en }
