// Messages of web/features/checklists. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'checklists.nav': 'Tự kiểm tra',
}

const en: Record<keyof typeof vi, string> = {
  'checklists.nav': 'Self-inspection',
}

export const checklistsMessages = { vi, en }
