// Messages of web/features/corrective-actions. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'corrective.nav': 'Khắc phục sau kiểm tra',
}

const en: Record<keyof typeof vi, string> = {
  'corrective.nav': 'Corrective actions',
}

export const correctiveActionsMessages = { vi, en }
