// Messages of web/features/incidents. Placeholders are {name}. Vietnamese is the source of keys;
// English must have every one (the type says so).
const vi = {
  'incidents.nav': 'Sự cố an ninh mạng',
}

const en: Record<keyof typeof vi, string> = {
  'incidents.nav': 'Cyber incidents',
}

export const incidentsMessages = { vi, en }
