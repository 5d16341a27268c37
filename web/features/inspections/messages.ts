// Messages of web/features/inspections. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'inspections.nav': 'Kiểm tra, giám sát',
}

const en: Record<keyof typeof vi, string> = {
  'inspections.nav': 'Inspections',
}

export const inspectionsMessages = { vi, en }
